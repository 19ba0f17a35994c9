//! Exact weighted set cover with [`Cost`]s, the engine behind [`minimal`].
//!
//! The method: [`reduce`](super::reduce) the instance (scopes forced by a requirement only they
//! meet, requirements implied by others, scopes another scope does at least as well), split what
//! is left into independent components (requirements linked by a shared candidate), and solve
//! each component by [`branch`](super::branch) and bound. Components are independent, so the
//! union of their optima is an optimum of the whole.
//!
//! [`minimal`]: super::minimal

use super::{Cost, branch, reduce};

/// The answer of [`cover`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cover {
    /// Indices of the chosen candidates, ascending.
    pub chosen: Vec<usize>,
    /// Their total cost.
    pub cost: Cost,
    /// Indices of the requirements without any candidate, ascending: no choice meets them.
    pub unmet: Vec<usize>,
}

/// A least-cost set of candidates meeting every requirement that has a candidate.
///
/// `requirements[i]` lists the candidates (indices into `costs`) of which at least one must be
/// chosen. Indices out of range are ignored. Among equally cheap answers the one returned is
/// fixed by the input, not by chance.
pub fn cover(costs: &[Cost], requirements: &[Vec<usize>]) -> Cover {
    let mut unmet = Vec::new();
    let mut open: Vec<Vec<usize>> = Vec::new();
    for (i, candidates) in requirements.iter().enumerate() {
        let mut candidates: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&c| c < costs.len())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        if candidates.is_empty() {
            unmet.push(i);
        } else {
            open.push(candidates);
        }
    }
    let mut chosen = reduce::reduce(costs, &mut open);
    for component in components(costs.len(), &open) {
        chosen.extend(branch::solve(costs, &component));
    }
    chosen.sort_unstable();
    chosen.dedup();
    Cover {
        cost: chosen.iter().map(|&c| costs[c]).sum(),
        chosen,
        unmet,
    }
}

/// Groups requirements that share candidates, directly or through others.
fn components(candidates: usize, requirements: &[Vec<usize>]) -> Vec<Vec<Vec<usize>>> {
    let mut parent: Vec<usize> = (0..candidates).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for req in requirements {
        let first = root(&mut parent, req[0]);
        for &c in &req[1..] {
            let other = root(&mut parent, c);
            parent[other] = first;
        }
    }
    let mut groups: Vec<(usize, Vec<Vec<usize>>)> = Vec::new();
    for req in requirements {
        let r = root(&mut parent, req[0]);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(req.clone()),
            None => groups.push((r, vec![req.clone()])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoom_scopes_tables::{Access, Level};

    const USER_READ: Cost = Cost {
        master: 0,
        admin: 0,
        write: 0,
        scopes: 1,
    };
    const USER_WRITE: Cost = Cost {
        master: 0,
        admin: 0,
        write: 1,
        scopes: 1,
    };

    #[test]
    fn empty_and_unmet() {
        assert_eq!(
            cover(&[USER_READ], &[]),
            Cover {
                chosen: vec![],
                cost: Cost::ZERO,
                unmet: vec![]
            }
        );
        let answer = cover(&[USER_READ], &[vec![], vec![0], vec![7]]);
        assert_eq!(answer.chosen, [0]);
        assert_eq!(
            answer.unmet,
            [0, 2],
            "an out-of-range candidate is no candidate"
        );
    }

    #[test]
    fn one_broad_scope_beats_two_narrow_ones_only_when_cheaper() {
        let admin = Cost::of_scope(Level::Admin, Access::Read);
        // 0 and 1 are user-level, each meets one requirement; 2 is admin and meets both.
        let reqs = [vec![0, 2], vec![1, 2]];
        assert_eq!(cover(&[USER_READ, USER_READ, admin], &reqs).chosen, [0, 1]);
        // A user-level read scope meeting both wins alone: fewer scopes at equal privilege.
        assert_eq!(cover(&[USER_READ, USER_READ, USER_READ], &reqs).chosen, [2]);
        // Fewer write scopes come before fewer scopes: two reads beat one write.
        assert_eq!(
            cover(&[USER_READ, USER_READ, USER_WRITE], &reqs).chosen,
            [0, 1]
        );
    }

    #[test]
    fn greedy_is_not_enough() {
        // Greedy takes 0 (meets four requirements) and then needs 1 and 2: three scopes.
        // The optimum is 1 and 2.
        let reqs = [
            vec![0, 1],
            vec![0, 1],
            vec![0, 2],
            vec![0, 2],
            vec![1],
            vec![2],
        ];
        let answer = cover(&[USER_READ; 3], &reqs);
        assert_eq!(answer.chosen, [1, 2]);
    }

    #[test]
    fn odd_cycle_needs_search() {
        // Five requirements in a ring, each met by two neighbours: nothing is forced or
        // dominated, and three scopes are needed.
        let reqs: Vec<Vec<usize>> = (0..5).map(|i| vec![i, (i + 1) % 5]).collect();
        let answer = cover(&[USER_READ; 5], &reqs);
        assert_eq!(answer.cost.scopes, 3, "{answer:?}");
        assert!(
            reqs.iter()
                .all(|r| r.iter().any(|c| answer.chosen.contains(c)))
        );
    }

    #[test]
    fn components_are_independent() {
        let reqs = [vec![0, 1], vec![2], vec![1, 3], vec![4, 5]];
        let groups = components(6, &reqs);
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0], [vec![0, 1], vec![1, 3]]);
    }
}
