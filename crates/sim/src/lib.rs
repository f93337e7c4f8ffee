pub fn _s() {}
