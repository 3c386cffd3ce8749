//! The pure core of fgf: no terminal, no printing.

pub mod cache;
pub mod catalog;
pub mod error;
pub mod filter;
pub mod generate;
pub mod history;
pub mod import;
pub mod input;
pub mod lang;
pub mod load;
pub mod locate;
pub mod lookup;
pub mod model;
pub mod present;
pub mod progress;
pub mod report;
pub mod roles;
pub mod search;
pub mod seeds;
pub mod shape;
pub mod store;
pub mod text;
pub mod untrusted;
pub mod validate;
pub mod workspace;

pub use catalog::{Catalog, Item, Loc};
pub use error::{DocError, Problem};
pub use lang::Lang;
pub use load::{Finding, LoadError};
pub use model::{
    Allocation, Confidence, Document, Measure, Milestone, Official, OfficialName, Role, RoleRow,
    Roles, Section, Task, Unit, Verified,
};
pub use progress::{Change, Progress, State, Tally};
pub use store::{Store, StoreError};
