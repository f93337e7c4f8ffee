//! The real HTTP clients against the in-process simulator: one binary, one simulator per
//! test on port 0, no sleeps; the simulator's counters are the evidence.

mod helpers;

mod delete;
mod faults;
mod media;
mod publish;
mod reconcile;
mod tokens;
