//! Cross-crate tests of zoom-scopes live in `tests/`.
