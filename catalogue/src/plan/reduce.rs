//! Reductions that shrink a set-cover instance without losing an optimum, applied until none
//! changes anything:
//!
//! - a requirement with one candidate forces it, and everything it meets is done;
//! - a requirement whose candidates include all of another's is met whenever that one is;
//! - a candidate that meets no requirement another candidate does not also meet, at no lower
//!   cost, can be swapped for that one in any answer, so it is dropped.
//!
//! On Zoom's catalogue these alone settle most requirements: many operations have a single
//! least privileged scope that nothing cheaper replaces.

use super::Cost;

/// Reduces `requirements` (each a sorted, non-empty candidate list) in place and returns the
/// candidates the reductions chose. Every requirement left still has a candidate.
pub(super) fn reduce(costs: &[Cost], requirements: &mut Vec<Vec<usize>>) -> Vec<usize> {
    let mut chosen = Vec::new();
    loop {
        let forced = take_forced(requirements, &mut chosen);
        let implied = drop_implied(requirements);
        let dominated = drop_dominated(costs, requirements);
        if !(forced || implied || dominated) {
            return chosen;
        }
    }
}

/// Chooses the only candidate of single-candidate requirements and drops what they meet.
fn take_forced(requirements: &mut Vec<Vec<usize>>, chosen: &mut Vec<usize>) -> bool {
    let before = chosen.len();
    chosen.extend(requirements.iter().filter(|r| r.len() == 1).map(|r| r[0]));
    if chosen.len() == before {
        return false;
    }
    let forced = &chosen[before..];
    requirements.retain(|r| !r.iter().any(|c| forced.contains(c)));
    true
}

/// Drops requirements met by every answer that meets another requirement (and repeats).
fn drop_implied(requirements: &mut Vec<Vec<usize>>) -> bool {
    let before = requirements.len();
    requirements.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    requirements.dedup();
    let mut kept: Vec<Vec<usize>> = Vec::with_capacity(requirements.len());
    for req in requirements.drain(..) {
        // Sorted by length, so a requirement can only be implied by one kept before it.
        if !kept.iter().any(|k| is_subset(k, &req)) {
            kept.push(req);
        }
    }
    *requirements = kept;
    requirements.len() < before
}

/// Drops candidates that another candidate, no more costly, can replace.
fn drop_dominated(costs: &[Cost], requirements: &mut [Vec<usize>]) -> bool {
    let mut meets: Vec<Vec<usize>> = vec![Vec::new(); costs.len()];
    for (i, req) in requirements.iter().enumerate() {
        for &c in req {
            meets[c].push(i);
        }
    }
    let mut present: Vec<usize> = (0..costs.len()).filter(|&c| !meets[c].is_empty()).collect();
    // Costliest first: of two interchangeable candidates, the cheaper (or, at equal cost, the
    // lower-numbered) one is checked last and survives.
    present.sort_by(|&a, &b| (costs[b], b).cmp(&(costs[a], a)));
    let mut removed = vec![false; costs.len()];
    let mut any = false;
    for &s in &present {
        let replaceable = present.iter().any(|&t| {
            t != s
                && !removed[t]
                && costs[t] <= costs[s]
                && meets[t].len() >= meets[s].len()
                && is_subset(&meets[s], &meets[t])
        });
        if replaceable {
            removed[s] = true;
            any = true;
        }
    }
    if any {
        for req in requirements.iter_mut() {
            req.retain(|&c| !removed[c]);
        }
    }
    any
}

/// Whether sorted `small` is contained in sorted `large`.
fn is_subset(small: &[usize], large: &[usize]) -> bool {
    let mut rest = large.iter();
    small.iter().all(|x| rest.any(|y| y == x))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: Cost = Cost {
        master: 0,
        admin: 0,
        write: 0,
        scopes: 1,
    };
    const ADMIN: Cost = Cost {
        master: 0,
        admin: 1,
        write: 0,
        scopes: 1,
    };

    #[test]
    fn subsets() {
        assert!(is_subset(&[], &[1]));
        assert!(is_subset(&[1, 3], &[0, 1, 2, 3]));
        assert!(!is_subset(&[1, 4], &[0, 1, 2, 3]));
        assert!(!is_subset(&[1], &[]));
    }

    #[test]
    fn forced_candidates_settle_what_they_meet() {
        let mut reqs = vec![vec![2], vec![0, 2], vec![0, 1]];
        let chosen = reduce(&[ONE; 3], &mut reqs);
        assert_eq!(
            chosen,
            [2, 0],
            "then 0 (or 1) is forced by the dominance step"
        );
        assert!(reqs.is_empty());
    }

    #[test]
    fn implied_requirements_and_repeats_go() {
        let mut reqs = vec![vec![0, 1, 2], vec![0, 1], vec![0, 1], vec![3, 4]];
        assert!(drop_implied(&mut reqs));
        assert_eq!(reqs, [vec![0, 1], vec![3, 4]]);
        assert!(!drop_implied(&mut reqs));
    }

    #[test]
    fn dominated_candidates_go_cheaper_ones_stay() {
        // 1 meets what 0 meets and more, at the same cost: 0 goes.
        let mut reqs = vec![vec![0, 1], vec![1, 2]];
        assert!(drop_dominated(&[ONE, ONE, ONE], &mut reqs));
        assert_eq!(reqs, [vec![1], vec![1]]);
        // A costlier candidate never replaces a cheaper one.
        let mut reqs = vec![vec![0, 1], vec![1, 2]];
        drop_dominated(&[ONE, ADMIN, ONE], &mut reqs);
        assert_eq!(reqs, [vec![0, 1], vec![1, 2]]);
        // Of two interchangeable candidates the lower-numbered survives.
        let mut reqs = vec![vec![0, 1]];
        drop_dominated(&[ONE, ONE], &mut reqs);
        assert_eq!(reqs, [vec![0]]);
    }
}
