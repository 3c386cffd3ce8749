//! The one place work is split across the machine's cores (index building, candidate scans):
//! one policy, scoped threads, results in order. Below `MIN_ITEMS` a second thread costs more
//! than it saves.

use std::sync::OnceLock;

/// Fewer items than this run on the calling thread.
pub(crate) const MIN_ITEMS: usize = 4096;

/// The cores this process may use, asked once: `available_parallelism` reads the cgroup's files
/// on every call (about 5% of a cached `fgf who` when it was asked per scan).
static CORES: OnceLock<usize> = OnceLock::new();

fn cores() -> usize {
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The chunk size for `len` items worth `work` units of work, when worth splitting.
fn parts(len: usize, work: usize) -> Option<usize> {
    let cores = cores();
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
    map_chunks_by(items, chunk, f)
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

/// Runs `f` on every item, split across the cores whatever their number (for items that are
/// each much work, such as the notices of a workspace); the results in the items' order.
pub(crate) fn map_each<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Sync,
) -> Vec<R> {
    let cores = cores();
    if cores < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(cores);
    let f = &f;
    map_chunks_by(items, chunk, |part| part.iter().map(f).collect::<Vec<_>>())
        .into_iter()
        .flatten()
        .collect()
}

fn map_chunks_by<'a, T: Sync, R: Send>(
    items: &'a [T],
    chunk: usize,
    f: impl Fn(&'a [T]) -> R + Sync,
) -> Vec<R> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cores_are_asked_once_and_kept() {
        let asked = std::thread::available_parallelism().map_or(1, |n| n.get());
        let _ = map_chunks(&[1, 2, 3], |p| p.len());
        assert_eq!(CORES.get(), Some(&asked), "a split keeps what it asked");
        assert_eq!(cores(), asked);
    }

    #[test]
    fn results_keep_the_items_order_above_and_below_the_threshold() {
        for n in [0, 10, MIN_ITEMS + 7, 3 * MIN_ITEMS] {
            let items: Vec<usize> = (0..n).collect();
            let sums = map_chunks(&items, |part| part.to_vec());
            assert_eq!(sums.concat(), items, "{n}");
            let mut doubled = items.clone();
            for_each_mut(&mut doubled, |x| *x *= 2);
            assert!(doubled.iter().enumerate().all(|(i, x)| *x == 2 * i), "{n}");
            assert_eq!(
                map_each(&items, |x| x * 3),
                items.iter().map(|x| x * 3).collect::<Vec<_>>()
            );
            let weighted = map_weighted(&items, 100 * n, |part| part.to_vec());
            assert_eq!(weighted.concat(), items, "{n} weighted");
        }
    }
}
