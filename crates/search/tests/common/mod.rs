//! Helpers shared by the corpus tests and the benchmark.

pub mod corpus;
