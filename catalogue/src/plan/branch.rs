//! Branch and bound over one component of a reduced set-cover instance.
//!
//! Every answer must choose some candidate of each requirement, so branching on the candidates
//! of one open requirement (the one with fewest) explores all answers. A branch is cut when its
//! cost plus a lower bound on what remains cannot beat the best answer found: the bound adds
//! the cheapest candidate of open requirements that share no candidate (each needs a different
//! scope, and the lexicographic order of [`Cost`] is compatible with addition).

use super::Cost;

/// The cheapest set of candidates (global indices) meeting every requirement of a component.
pub(super) fn solve(costs: &[Cost], requirements: &[Vec<usize>]) -> Vec<usize> {
    let search = Search::new(costs, requirements);
    search.run()
}

struct Search {
    /// Global index of each local candidate; local ids are in (cost, index) order.
    global: Vec<usize>,
    cost: Vec<Cost>,
    /// Requirements each local candidate meets.
    meets: Vec<Bits>,
    /// Local candidates of each requirement, cheapest first.
    candidates: Vec<Vec<usize>>,
    /// Requirements by number of candidates: the branching and packing order.
    order: Vec<usize>,
    chosen: Vec<usize>,
    best: Option<(Cost, Vec<usize>)>,
}

impl Search {
    fn new(costs: &[Cost], requirements: &[Vec<usize>]) -> Search {
        let mut global: Vec<usize> = requirements.iter().flatten().copied().collect();
        global.sort_by_key(|&c| (costs[c], c));
        global.dedup();
        let local = |c: usize| {
            global
                .binary_search_by_key(&(costs[c], c), |&g| (costs[g], g))
                .unwrap_or_default()
        };
        let candidates: Vec<Vec<usize>> = requirements
            .iter()
            .map(|req| {
                let mut ids: Vec<usize> = req.iter().map(|&c| local(c)).collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        let mut meets = vec![Bits::empty(requirements.len()); global.len()];
        for (r, ids) in candidates.iter().enumerate() {
            for &s in ids {
                meets[s].insert(r);
            }
        }
        let mut order: Vec<usize> = (0..requirements.len()).collect();
        order.sort_by_key(|&r| candidates[r].len());
        Search {
            cost: global.iter().map(|&c| costs[c]).collect(),
            global,
            meets,
            candidates,
            order,
            chosen: Vec::new(),
            best: None,
        }
    }

    fn run(mut self) -> Vec<usize> {
        let open = Bits::full(self.candidates.len());
        self.descend(&open, Cost::ZERO);
        let (_, best) = self.best.unwrap_or_default();
        best.into_iter().map(|s| self.global[s]).collect()
    }

    fn descend(&mut self, open: &Bits, cost: Cost) {
        let Some(&req) = self.order.iter().find(|&&r| open.contains(r)) else {
            if self.best.as_ref().is_none_or(|(best, _)| cost < *best) {
                self.best = Some((cost, self.chosen.clone()));
            }
            return;
        };
        if let Some((best, _)) = &self.best
            && cost + self.bound(open) >= *best
        {
            return;
        }
        for i in 0..self.candidates[req].len() {
            let s = self.candidates[req][i];
            self.chosen.push(s);
            let rest = open.minus(&self.meets[s]);
            self.descend(&rest, cost + self.cost[s]);
            self.chosen.pop();
        }
    }

    /// A lower bound on the cost of meeting the `open` requirements.
    fn bound(&self, open: &Bits) -> Cost {
        let mut used = Bits::empty(self.cost.len());
        let mut total = Cost::ZERO;
        for &r in &self.order {
            let ids = &self.candidates[r];
            if open.contains(r) && !ids.iter().any(|&s| used.contains(s)) {
                total += self.cost[ids[0]];
                for &s in ids {
                    used.insert(s);
                }
            }
        }
        total
    }
}

/// A fixed-size set of small numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }

    fn full(len: usize) -> Bits {
        let mut bits = Bits::empty(len);
        for i in 0..len {
            bits.insert(i);
        }
        bits
    }

    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn minus(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & !b).collect())
    }
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

    #[test]
    fn bits() {
        let mut a = Bits::empty(130);
        a.insert(0);
        a.insert(129);
        assert!(a.contains(129) && !a.contains(64));
        let full = Bits::full(130);
        let rest = full.minus(&a);
        assert!(!rest.contains(0) && rest.contains(1) && !rest.contains(129));
    }

    #[test]
    fn finds_the_optimum_of_a_ring() {
        // Six requirements in a ring, each met by two neighbours: three scopes suffice.
        let reqs: Vec<Vec<usize>> = (0..6).map(|i| vec![i, (i + 1) % 6]).collect();
        let mut chosen = solve(&[ONE; 6], &reqs);
        chosen.sort_unstable();
        assert_eq!(chosen.len(), 3, "{chosen:?}");
        assert!(reqs.iter().all(|r| r.iter().any(|c| chosen.contains(c))));
    }

    #[test]
    fn bound_counts_requirements_that_share_nothing() {
        let reqs = vec![vec![0, 1], vec![2, 3], vec![1, 2]];
        let search = Search::new(&[ONE; 4], &reqs);
        assert_eq!(search.bound(&Bits::full(3)).scopes, 2);
    }
}
