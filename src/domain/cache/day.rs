//! A calendar date in the cache: year, month and day packed in one `i32` (jiff's `Date` has no
//! archived form of its own). Unpacking checks the date: a cache whose date is not one fails.

use jiff::civil::Date;
use rkyv::rancor::{Fallible, Source};
use rkyv::with::{ArchiveWith, DeserializeWith, SerializeWith};
use rkyv::{Archive, Archived, Place};

/// `#[rkyv(with = Day)]` on a `Date`, `Map<Day>` on an `Option<Date>`.
pub struct Day;

fn pack(d: &Date) -> i32 {
    (i32::from(d.year()) << 16) | (i32::from(d.month()) << 8) | i32::from(d.day())
}

fn unpack(n: i32) -> Result<Date, jiff::Error> {
    let year = (n >> 16) as i16;
    let month = ((n >> 8) & 0xff) as i8;
    let day = (n & 0xff) as i8;
    Date::new(year, month, day)
}

/// An archived date read in place (`None` when it is not a date).
pub fn date_of(field: &Archived<i32>) -> Option<Date> {
    unpack(field.to_native()).ok()
}

impl ArchiveWith<Date> for Day {
    type Archived = Archived<i32>;
    type Resolver = ();

    fn resolve_with(field: &Date, _: (), out: Place<Self::Archived>) {
        pack(field).resolve((), out);
    }
}

impl<S: Fallible + ?Sized> SerializeWith<Date, S> for Day {
    fn serialize_with(_: &Date, _: &mut S) -> Result<(), S::Error> {
        Ok(())
    }
}

impl<D> DeserializeWith<Archived<i32>, Date, D> for Day
where
    D: Fallible + ?Sized,
    D::Error: Source,
{
    fn deserialize_with(field: &Archived<i32>, _: &mut D) -> Result<Date, D::Error> {
        unpack(field.to_native()).map_err(D::Error::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_survive_packing_and_non_dates_are_refused() {
        for d in [
            jiff::civil::date(2019, 10, 18),
            jiff::civil::date(-9999, 1, 1),
            jiff::civil::date(9999, 12, 31),
        ] {
            assert_eq!(unpack(pack(&d)).unwrap(), d);
        }
        let feb30 = (2020 << 16) | (2 << 8) | 30;
        assert!(unpack(feb30).is_err());
        assert!(unpack(0).is_err(), "month 0");
    }
}
