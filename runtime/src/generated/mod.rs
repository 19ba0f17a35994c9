//! Tables generated from the catalogue by `cargo codegen`; see `catalogue/src/codegen.rs`.

#[rustfmt::skip]
#[allow(clippy::all)]
pub(crate) mod tables;
