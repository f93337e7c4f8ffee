//! Development aid: print the cues and entities the engine sees in a text.
fn main() {
    let t = std::env::args().nth(1).unwrap_or_default();
    print!("{}", policy::debug_signals(&t));
}
