//! Devanagari name words: business words that close a shop's or a hospital's name, the
//! titles a name follows, and Hindi words that are also given names.

/// "श्री गणेश डायग्नोस्टिक्स, कोलार रोड": a Devanagari business word closing a name, when
/// nothing follows it but punctuation ("रमेश अस्पताल में भर्ती हैं" is Ramesh, in hospital).
pub(super) fn deva_business_tail(w: &str, after: &str) -> bool {
    const TAILS: &[&str] = &[
        "डायग्नॉस्टिक्स",
        "डायग्नोस्टिक्स",
        "हॉस्पिटल",
        "हास्पिटल",
        "अस्पताल",
        "क्लिनिक",
        "लैब",
        "लैब्स",
        "सेंटर",
        "केंद्र",
        "मेडिकल",
        "मेडिकल्स",
        "फार्मेसी",
        "नेत्रालय",
        "चिकित्सालय",
        "संस्थान",
        // Schools: "सरस्वती विद्यालय, सीहोर" (but "सुनीता स्कूल में…" is Sunita, at school).
        "विद्यालय",
        "महाविद्यालय",
        "स्कूल",
    ];
    let after = after.trim_start();
    TAILS.contains(&w)
        && (after.is_empty() || after.starts_with([',', '—', '–', '-', '.', '|', '(', '।']))
}

/// Titles a Devanagari name follows: "मरीज सुनीता देवी", "श्री रमेश".
pub(super) const DEVA_TITLES: &[&str] = &["मरीज", "श्रीमती", "श्री", "सुश्री", "रोगी"];

/// Hindi words that are also given names: "विकास" (development), "आशा" (hope), "पूजा"
/// (worship), "शांति" (peace)…
pub(super) fn word_name(w: &str) -> bool {
    [
        "विकास",
        "आशा",
        "किरण",
        "पूजा",
        "ज्योति",
        "प्रकाश",
        "दीपक",
        "शांति",
        "विजय",
        "उषा",
        "संतोष",
        "आनंद",
        "प्रेम",
        "सुधा",
        "कमल",
        "मंगल",
        "सूरज",
        "सुख",
        "ममता",
        "करुणा",
        // "…स्वस्थ होने की कामना करते हैं" (we wish), "हमें खुशी है" (we are glad).
        "कामना",
        "खुशी",
        "आरती",
        "प्रार्थना",
        "श्रद्धा",
        "कृपा",
        "सपना",
        "रोशनी",
        "चेतना",
        "अर्चना",
        "वंदना",
        "भावना",
        "साधना",
        "मुस्कान",
        "आस्था",
        "शक्ति",
        "गौरव",
        "दया",
        "उमंग",
        "तृप्ति",
    ]
    .contains(&w)
}
