//! The one place work is split across the machine's cores (index building, candidate scans):
//! one policy, scoped threads, results in order. Below `MIN_ITEMS` a second thread costs more
//! than it saves.

/// Fewer items than this run on the calling thread.
pub(crate) const MIN_ITEMS: usize = 4096;

/// The chunk size for `len` items worth `work` units of work, when worth splitting.
fn parts(len: usize, work: usize) -> Option<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    (cores >= 2 && len >= 2 && work >= MIN_ITEMS).then(|| len.div_ceil(cores))
}

/// Runs `f` over `items` split across the cores; the results in the items' order.
pub(crate) fn map_chunks<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    map_weighted(items, items.len(), f)
}

/// `map_chunks` over items that are each a batch of work (a notice of the workspace: its
/// entries), `work` in all: split by items when the work is worth it.
pub(crate) fn map_weighted<T: Sync, R: Send>(
    items: &[T],
    work: usize,
    f: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let Some(chunk) = parts(items.len(), work) else {
        return vec![f(items)];
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| f(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker thread panicked"))
            .collect()
    })
}

/// Runs `f` on every item, in place, split across the cores.
pub(crate) fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync) {
    let Some(chunk) = parts(items.len(), items.len()) else {
        items.iter_mut().for_each(f);
        return;
    };
    std::thread::scope(|s| {
        for part in items.chunks_mut(chunk) {
            s.spawn(|| part.iter_mut().for_each(&f));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_above_and_below_the_threshold() {
        for n in [0, 10, MIN_ITEMS + 7, 3 * MIN_ITEMS] {
            let items: Vec<usize> = (0..n).collect();
            let sums = map_chunks(&items, |part| part.to_vec());
            assert_eq!(sums.concat(), items, "{n}");
            let mut doubled = items.clone();
            for_each_mut(&mut doubled, |x| *x *= 2);
            assert!(doubled.iter().enumerate().all(|(i, x)| *x == 2 * i), "{n}");
            let weighted = map_weighted(&items, 100 * n, |part| part.to_vec());
            assert_eq!(weighted.concat(), items, "{n} weighted");
        }
    }
}
