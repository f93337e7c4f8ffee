//! Check-digit and structural validators for identifier schemes. Each takes the
//! identifier's significant characters (separators already removed).

/// Luhn mod 10 over ASCII digits (payment cards; NPI after the 80840 prefix).
pub fn luhn(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    // `is_multiple_of` needs Rust 1.87; the workspace supports 1.85.
    #[allow(clippy::manual_is_multiple_of)]
    let ok = sum % 10 == 0;
    ok
}

/// US National Provider Identifier: 10 digits starting 1 or 2, Luhn over "80840" + number.
pub fn npi(digits: &[u8]) -> bool {
    if digits.len() != 10 || !matches!(digits[0], b'1' | b'2') {
        return false;
    }
    let mut full = *b"80840__________";
    full[5..].copy_from_slice(digits);
    luhn(&full)
}

const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// Verhoeff dihedral check (the Aadhaar check digit is the last digit).
pub fn verhoeff(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut c = 0usize;
    for (i, d) in digits.iter().rev().enumerate() {
        let p = VERHOEFF_P[i % 8][usize::from(d - b'0')];
        c = usize::from(VERHOEFF_D[c][usize::from(p)]);
    }
    c == 0
}

/// Aadhaar: 12 digits, first digit 2–9, Verhoeff check digit.
pub fn aadhaar(digits: &[u8]) -> bool {
    digits.len() == 12 && (b'2'..=b'9').contains(&digits[0]) && verhoeff(digits)
}

/// IBAN: country code, two check digits, up to 30 alphanumerics; mod 97 == 1.
pub fn iban(chars: &[u8]) -> bool {
    if !(15..=34).contains(&chars.len()) || !chars.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    if !chars[..2].iter().all(u8::is_ascii_alphabetic)
        || !chars[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        let c = c.to_ascii_uppercase();
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(c - b'A') + 10) % 97;
        }
    }
    rem == 1
}

/// UK NHS number: 10 digits, weights 10..2 over the first nine, check = 11 − (sum mod 11),
/// 11 → 0, 10 → invalid.
pub fn nhs(digits: &[u8]) -> bool {
    if digits.len() != 10 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(d - b'0') * (10 - i as u32))
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == u32::from(digits[9] - b'0')
}

/// DEA registration: 2 letters + 7 digits; (d1+d3+d5) + 2·(d2+d4+d6) ≡ d7 (mod 10).
pub fn dea(chars: &[u8]) -> bool {
    if chars.len() != 9 || !chars[..2].iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let d = &chars[2..];
    if !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let v = |i: usize| u32::from(d[i] - b'0');
    ((v(0) + v(2) + v(4)) + 2 * (v(1) + v(3) + v(5))) % 10 == v(6)
}

/// US SSN issuance rules: area not 000, 666 or 900–999; group not 00; serial not 0000.
pub fn ssn(digits: &[u8]) -> bool {
    if digits.len() != 9 || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let area = &digits[..3];
    area != b"000"
        && area != b"666"
        && area[0] != b'9'
        && &digits[3..5] != b"00"
        && &digits[5..] != b"0000"
}

/// Medicare Beneficiary Identifier: 11 characters C A AN N A AN N A A N N where C is 1–9,
/// A is a letter other than S L O I B Z, N a digit, AN either.
pub fn mbi(chars: &[u8]) -> bool {
    if chars.len() != 11 {
        return false;
    }
    let alpha = |c: u8| c.is_ascii_alphabetic() && !b"SLOIBZ".contains(&c.to_ascii_uppercase());
    let digit = |c: u8| c.is_ascii_digit();
    let either = |c: u8| digit(c) || alpha(c);
    (b'1'..=b'9').contains(&chars[0])
        && alpha(chars[1])
        && either(chars[2])
        && digit(chars[3])
        && alpha(chars[4])
        && either(chars[5])
        && digit(chars[6])
        && alpha(chars[7])
        && alpha(chars[8])
        && digit(chars[9])
        && digit(chars[10])
}

/// Indian PAN: 5 letters, 4 digits, 1 letter; the 4th letter is the holder type
/// (P person, C company, H HUF, F firm, A AOP, T trust, B BOI, L local authority,
/// J artificial juridical person, G government).
pub fn pan(chars: &[u8]) -> bool {
    chars.len() == 10
        && chars[..5].iter().all(u8::is_ascii_uppercase)
        && chars[5..9].iter().all(u8::is_ascii_digit)
        && chars[9].is_ascii_uppercase()
        && b"PCHFATBLJG".contains(&chars[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_cards() {
        assert!(luhn(b"4111111111111111"));
        assert!(luhn(b"5500005555555559"));
        assert!(!luhn(b"4111111111111112"));
    }

    #[test]
    fn npi_prefix_luhn() {
        assert!(npi(b"1234567893"));
        assert!(!npi(b"1234567890"));
        assert!(!npi(b"3234567893"));
    }

    #[test]
    fn verhoeff_aadhaar() {
        assert!(verhoeff(b"2363"));
        assert!(!verhoeff(b"2364"));
        assert!(aadhaar(b"234123412346"));
        assert!(!aadhaar(b"234123412347"));
        assert!(!aadhaar(b"123412341234"));
    }

    #[test]
    fn iban_mod97() {
        assert!(iban(b"GB82WEST12345698765432"));
        assert!(iban(b"gb82west12345698765432"));
        assert!(iban(b"DE89370400440532013000"));
        assert!(!iban(b"GB82WEST12345698765433"));
    }

    #[test]
    fn nhs_mod11() {
        assert!(nhs(b"9434765919"));
        assert!(!nhs(b"9434765918"));
    }

    #[test]
    fn dea_rule() {
        assert!(dea(b"AB1234563"));
        assert!(!dea(b"AB1234564"));
    }

    #[test]
    fn ssn_rules() {
        assert!(ssn(b"123456789"));
        assert!(!ssn(b"000456789"));
        assert!(!ssn(b"666456789"));
        assert!(!ssn(b"912456789"));
        assert!(!ssn(b"123006789"));
        assert!(!ssn(b"123450000"));
    }

    #[test]
    fn mbi_format() {
        assert!(mbi(b"1EG4TE5MK73"));
        assert!(!mbi(b"1SG4TE5MK73"));
        assert!(!mbi(b"0EG4TE5MK73"));
    }

    #[test]
    fn pan_holder_type() {
        assert!(pan(b"AAAPL1234C"));
        assert!(!pan(b"AAAXL1234C"));
        assert!(!pan(b"AAAPL12345"));
    }
}
