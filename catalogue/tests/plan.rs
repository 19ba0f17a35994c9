//! The least-privilege planner against exhaustive search, and on the whole catalogue in both
//! scope models.

use proptest::prelude::*;
use zoom_scopes_catalogue::plan::{self, Cover, candidates, cover};
use zoom_scopes_catalogue::{Cost, PlanOptions};
use zoom_scopes_tables::{Access, Level, Model, OperationId, ScopeId};

/// The cheapest cost of meeting every requirement that has a candidate, by trying every subset.
fn brute_force(costs: &[Cost], requirements: &[Vec<usize>]) -> Cost {
    let masks: Vec<u32> = requirements
        .iter()
        .map(|r| {
            r.iter()
                .filter(|&&c| c < costs.len())
                .fold(0, |m, &c| m | 1 << c)
        })
        .filter(|&m| m != 0)
        .collect();
    (0u32..1 << costs.len())
        .filter(|&subset| masks.iter().all(|&m| m & subset != 0))
        .map(|subset| {
            (0..costs.len())
                .filter(|&c| subset & 1 << c != 0)
                .map(|c| costs[c])
                .sum()
        })
        .min()
        .expect("choosing every candidate meets every requirement that has one")
}

fn check(costs: &[Cost], requirements: &[Vec<usize>]) -> Result<(), TestCaseError> {
    let answer: Cover = cover(costs, requirements);
    prop_assert!(
        answer.chosen.windows(2).all(|w| w[0] < w[1]),
        "ascending, no repeats"
    );
    prop_assert_eq!(
        answer.cost,
        answer.chosen.iter().map(|&c| costs[c]).sum::<Cost>()
    );
    for (i, req) in requirements.iter().enumerate() {
        let meetable = req.iter().any(|&c| c < costs.len());
        prop_assert_eq!(answer.unmet.contains(&i), !meetable, "requirement {}", i);
        if meetable {
            prop_assert!(
                req.iter().any(|c| answer.chosen.contains(c)),
                "requirement {} is not met by {:?}",
                i,
                answer.chosen
            );
        }
    }
    prop_assert_eq!(answer.cost, brute_force(costs, requirements));
    prop_assert_eq!(
        &cover(costs, requirements),
        &answer,
        "the same answer every time"
    );
    Ok(())
}

/// The cost of a scope of some level and access, as the catalogue's scopes have.
fn scope_cost() -> impl Strategy<Value = Cost> {
    let level = prop_oneof![Just(Level::User), Just(Level::Admin), Just(Level::Master)];
    let access = prop_oneof![Just(Access::Read), Just(Access::Write)];
    (level, access).prop_map(|(l, a)| Cost::of_scope(l, a))
}

/// Any small cost vector, to exercise the lexicographic arithmetic beyond real scopes.
fn any_cost() -> impl Strategy<Value = Cost> {
    (0u32..3, 0u32..3, 0u32..3, 0u32..3).prop_map(|(master, admin, write, scopes)| Cost {
        master,
        admin,
        write,
        scopes,
    })
}

/// Up to 12 candidates and 14 requirements of up to 5 candidates; an index one past the end
/// stands for a scope that does not exist.
fn instance(
    cost: impl Strategy<Value = Cost>,
) -> impl Strategy<Value = (Vec<Cost>, Vec<Vec<usize>>)> {
    proptest::collection::vec(cost, 1..=12).prop_flat_map(|costs| {
        let n = costs.len();
        let req = proptest::collection::vec(0..=n, 0..=5);
        (Just(costs), proptest::collection::vec(req, 0..=14))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn optimal_with_scope_costs((costs, reqs) in instance(scope_cost())) {
        check(&costs, &reqs)?;
    }

    #[test]
    fn optimal_with_any_costs((costs, reqs) in instance(any_cost())) {
        check(&costs, &reqs)?;
    }
}

/// Whether any of `scopes` grants `op` in `model`, by the tables.
fn covers(scopes: &[ScopeId], op: OperationId, model: Model) -> bool {
    op.granted_in(model).iter().any(|s| scopes.contains(s))
}

const MODELS: [Model; 2] = [Model::Classic, Model::Granular];

/// Operations of a few related API groups, where scopes overlap the most.
fn catalogue_ops() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..OperationId::COUNT, 1..=6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn catalogue_plans_are_optimal(picked in catalogue_ops(), level in 0usize..4, model in 0usize..2) {
        let level = [None, Some(Level::User), Some(Level::Admin), Some(Level::Master)][level];
        let model = MODELS[model];
        let options = PlanOptions { model, level, ..PlanOptions::default() };
        let ops: Vec<OperationId> = picked.iter().filter_map(|&i| OperationId::from_index(i)).collect();
        // Brute force over the scopes that can matter: the candidates of the chosen operations.
        let mut scopes: Vec<_> = ops.iter().flat_map(|&op| candidates(op, options)).collect();
        scopes.sort();
        scopes.dedup();
        prop_assume!(scopes.len() <= 14);
        let costs: Vec<Cost> = scopes.iter().map(|&s| Cost::of(s)).collect();
        let reqs: Vec<Vec<usize>> = ops
            .iter()
            .map(|&op| {
                candidates(op, options)
                    .iter()
                    .map(|s| scopes.binary_search(s).unwrap())
                    .collect()
            })
            .collect();
        let plan = plan::minimal(&ops, options);
        prop_assert_eq!(plan.cost, brute_force(&costs, &reqs));
        prop_assert!(plan.scopes.iter().all(|s| options.admits(*s)));
        for &op in &ops {
            let granted = covers(&plan.scopes, op, model);
            prop_assert_eq!(granted, !plan.unavailable.contains(&op));
        }
    }
}

/// Every operation a scope of `model` grants.
fn every_operation(model: Model) -> Vec<OperationId> {
    OperationId::all()
        .filter(|op| !op.granted_in(model).is_empty())
        .collect()
}

/// Checks that `plan` is a cover of `all` in `model` with nothing redundant, no costlier than
/// taking each operation's least privileged scope, and returns its cost.
fn check_whole(all: &[OperationId], model: Model) -> Cost {
    let options = PlanOptions {
        model,
        ..PlanOptions::default()
    };
    let plan = plan::minimal(all, options);
    assert!(
        plan.unavailable.is_empty(),
        "every operation has a granting scope"
    );
    assert!(plan.scopes.iter().all(|s| s.in_model(model)));
    assert!(all.iter().all(|&op| covers(&plan.scopes, op, model)));
    // Optimal plans have no scope whose removal keeps the cover (costs are positive).
    for (i, &s) in plan.scopes.iter().enumerate() {
        let mut without = plan.scopes.clone();
        without.remove(i);
        assert!(
            all.iter().any(|&op| !covers(&without, op, model)),
            "{} is redundant",
            s.name()
        );
    }
    // Each operation's least privileged scope covers everything too, at a higher cost.
    let mut naive: Vec<ScopeId> = all
        .iter()
        .filter_map(|op| op.granted_in(model).first().copied())
        .collect();
    naive.sort();
    naive.dedup();
    let naive_cost: Cost = naive.iter().map(|&s| Cost::of(s)).sum();
    assert!(plan.cost <= naive_cost, "{} vs {}", plan.cost, naive_cost);
    plan.cost
}

#[test]
fn whole_catalogue() {
    let all = every_operation(Model::Classic);
    assert_eq!(all.len(), 1_490, "every operation of the classic page");
    assert_eq!(
        check_whole(&all, Model::Classic),
        Cost {
            master: 13,
            admin: 69,
            write: 73,
            scopes: 119
        },
        "the minimal cover of the catalogue changed: check the data or the planner"
    );
}

#[test]
fn whole_catalogue_granular() {
    let all = every_operation(Model::Granular);
    assert_eq!(all.len(), 1_695);
    let cost = check_whole(&all, Model::Granular);
    assert_eq!(
        cost,
        Cost {
            master: 29,
            admin: 842,
            write: 786,
            scopes: 1420
        },
        "the minimal granular cover of the catalogue changed: check the data or the planner"
    );
}

#[test]
fn whole_catalogue_by_level() {
    for model in MODELS {
        let all = every_operation(model);
        for level in [Level::User, Level::Admin, Level::Master] {
            let options = PlanOptions {
                model,
                level: Some(level),
                ..PlanOptions::default()
            };
            let plan = plan::minimal(&all, options);
            assert!(plan.scopes.iter().all(|s| s.level() == level));
            for &op in &all {
                let at_level = op.granted_in(model).iter().any(|s| s.level() == level);
                assert_eq!(plan.unavailable.contains(&op), !at_level, "{model} {level}");
                assert_eq!(covers(&plan.scopes, op, model), at_level, "{model} {level}");
            }
        }
    }
}

#[test]
fn an_operation_no_scope_of_the_model_grants_is_unavailable() {
    let sdk = OperationId::find("Create a session", Some("Video SDK")).unwrap();
    let create = OperationId::find("Create a meeting", None).unwrap();
    let new_title = OperationId::all()
        .find(|op| op.granted_by().is_empty() && !op.granular().is_empty())
        .unwrap();
    let classic = plan::minimal(&[sdk, create, new_title], PlanOptions::default());
    assert_eq!(classic.unavailable, [sdk, new_title]);
    let granular = PlanOptions {
        model: Model::Granular,
        ..PlanOptions::default()
    };
    let granular = plan::minimal(&[sdk, create, new_title], granular);
    assert_eq!(granular.unavailable, [sdk]);
    assert!(covers(&granular.scopes, new_title, Model::Granular));
}
