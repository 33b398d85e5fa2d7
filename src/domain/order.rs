//! One small sort for the whole app. The standard library's sorts are fast
//! but each use adds kilobytes of WebAssembly; our lists are short and every
//! order we sort by is total (ties are broken by id or position), so a
//! heapsort gives the same result in a few lines.

/// Sorts `items` so that no item is `less` than the one before it.
pub fn sort_by_less<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let len = items.len();
    for root in (0..len / 2).rev() {
        sift_down(items, root, len, &less);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &less);
    }
}

/// Moves `items[root]` down until the heap in `items[..end]` is in order.
fn sift_down<T>(items: &mut [T], mut root: usize, end: usize, less: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !less(&items[root], &items[child]) {
            return;
        }
        items.swap(root, child);
        root = child;
    }
}

/// A contact log, newest first: by date, then the one written down later,
/// then by id. Storage and the contact log on screen both use it.
pub fn newest_contacts_first(list: &mut [super::Contact]) {
    sort_by_less(list, |a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| b.created_at.total_cmp(&a.created_at))
            .then_with(|| a.id.cmp(&b.id))
            .is_lt()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_newest_first_then_latest_written() {
        let c = |id: &str, date: &str, at: f64| super::super::Contact {
            id: id.into(),
            date: date.into(),
            created_at: at,
            ..Default::default()
        };
        let mut list = vec![
            c("a", "2026-08-05", 1.0),
            c("b", "2026-09-01", 2.0),
            c("c", "2026-09-01", 5.0),
            c("d", "2026-01-10", 9.0),
        ];
        newest_contacts_first(&mut list);
        let ids: Vec<&str> = list.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a", "d"]);
    }

    #[test]
    fn sorts_like_the_standard_library() {
        let mut seed = 7u32;
        for len in 0..40 {
            let mut items: Vec<u32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 16) % 10
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            sort_by_less(&mut items, |a, b| a < b);
            assert_eq!(items, expected);
        }
    }

    #[test]
    fn sorts_by_any_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi"];
        sort_by_less(&mut words, |a, b| b < a);
        assert_eq!(words, ["pear", "kiwi", "fig", "apple"]);
    }
}
