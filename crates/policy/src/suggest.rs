//! Suggested rewrites: a crisis reply with the right emergency numbers, a safe reply to a
//! review or comment in the same language (acknowledge, confirm nothing, move to a private
//! channel with the organisation's own contact details), a private-channel nudge for DMs,
//! a holding statement for the press, or the text with patient information removed. Every template is itself checked by the
//! tests and must come out `allow`.

use crate::channel::ChannelFamily;
use crate::context::Ctx;
use crate::org::OrgPolicy;
use crate::request::Jurisdiction;
use crate::result::{PhiSpan, Verdict};
use crate::rules::{Fired, RuleId};
use crate::text::{detect_lang, Lang};

fn contact(org: &OrgPolicy, lang: Lang) -> String {
    let phone = org
        .contact_phone
        .as_deref()
        .or(org.phones.first().map(String::as_str));
    let email = org
        .contact_email
        .as_deref()
        .or(org.emails.first().map(String::as_str));
    match (phone, email, lang) {
        (Some(p), Some(e), Lang::English) => format!("{p} or {e}"),
        (Some(p), Some(e), _) => format!("{p} / {e}"),
        (Some(p), None, _) => p.to_string(),
        (None, Some(e), _) => e.to_string(),
        (None, None, Lang::English) => "our office".to_string(),
        (None, None, Lang::Hindi) => "हमारे कार्यालय".to_string(),
        (None, None, Lang::Hinglish) => "hamare office".to_string(),
    }
}

/// Reply to a review or comment that confirms nothing.
pub fn safe_reply(org: &OrgPolicy, lang: Lang, advice: bool) -> String {
    let c = contact(org, lang);
    match (lang, advice) {
        (Lang::English, false) => format!(
            "Thank you for your feedback. Privacy rules do not allow us to discuss anyone's care here, but we would like to help. Please contact us at {c} so we can talk privately."
        ),
        (Lang::English, true) => format!(
            "Thanks for asking. We can't give medical advice in comments. Please contact us at {c} or book a visit so a clinician can help."
        ),
        (Lang::Hindi, false) => format!(
            "आपकी प्रतिक्रिया के लिए धन्यवाद। गोपनीयता नियमों के कारण हम यहाँ किसी भी व्यक्ति के बारे में बात नहीं कर सकते। कृपया {c} पर हमसे संपर्क करें ताकि हम निजी तौर पर मदद कर सकें।"
        ),
        (Lang::Hindi, true) => format!(
            "पूछने के लिए धन्यवाद। हम कमेंट में चिकित्सा सलाह नहीं दे सकते। कृपया {c} पर हमसे संपर्क करें या डॉक्टर से मिलें।"
        ),
        (Lang::Hinglish, false) => format!(
            "Aapke feedback ke liye dhanyavaad. Privacy niyamon ki wajah se hum yahan kisi bhi vyakti ke baare mein baat nahi kar sakte. Kripya {c} par humse sampark karein, hum madad karenge."
        ),
        (Lang::Hinglish, true) => format!(
            "Poochhne ke liye dhanyavaad. Hum comments mein medical advice nahi de sakte. Kripya {c} par sampark karein ya doctor se milein."
        ),
    }
}

/// Reply to someone in crisis, with the numbers for their jurisdiction and location.
pub fn crisis_reply(org: &OrgPolicy, j: Jurisdiction, lang: Lang) -> String {
    let mut s = match (j, lang) {
        (Jurisdiction::US, _) => "We're concerned about you and want you to be safe. If you or someone near you is in danger, call 911 now. For thoughts of suicide or self-harm, call or text 988 (Suicide & Crisis Lifeline), any time.".to_string(),
        (Jurisdiction::IN, Lang::Hindi) => "हमें आपकी सुरक्षा की चिंता है। आपात स्थिति में तुरंत 112 पर कॉल करें, एम्बुलेंस के लिए 108 पर। मानसिक स्वास्थ्य सहायता के लिए Tele-MANAS 14416 पर मुफ्त कॉल करें (24x7)।".to_string(),
        (Jurisdiction::IN, Lang::Hinglish) => "Humein aapki suraksha ki chinta hai. Emergency mein turant 112 par call karein, ambulance ke liye 108. Mental health support ke liye Tele-MANAS 14416 par free call karein (24x7).".to_string(),
        (Jurisdiction::IN, Lang::English) => "We're concerned about your safety. In an emergency call 112 now, or 108 for an ambulance. For mental-health support call Tele-MANAS 14416 (free, 24x7).".to_string(),
    };
    let local: Vec<String> = org
        .emergency_numbers
        .iter()
        .filter(|e| !e.numbers.is_empty())
        .map(|e| format!("{}: {}", e.location, e.numbers.join(", ")))
        .collect();
    if !local.is_empty() {
        s.push_str(" Local emergency numbers: ");
        s.push_str(&local.join("; "));
        s.push('.');
    }
    s
}

fn dm_reply(org: &OrgPolicy, lang: Lang) -> String {
    let c = contact(org, lang);
    match lang {
        Lang::English => format!("Thanks for your message. To protect your privacy, please call us at {c} or use the patient portal for details about appointments and results."),
        Lang::Hindi => format!("संदेश के लिए धन्यवाद। आपकी गोपनीयता के लिए कृपया {c} पर कॉल करें या पेशेंट पोर्टल का उपयोग करें।"),
        Lang::Hinglish => format!("Message ke liye dhanyavaad. Privacy ke liye kripya {c} par call karein ya patient portal use karein."),
    }
}

/// Answer to a journalist that confirms nothing about anyone.
fn press_reply(org: &OrgPolicy, lang: Lang) -> String {
    let c = contact(org, lang);
    match lang {
        Lang::English => format!("Thank you for your inquiry. Privacy law does not allow us to confirm whether any person is or was in our care, or to share information about anyone's health, without their permission. Media questions can be sent to {c}."),
        Lang::Hindi => format!("आपके प्रश्न के लिए धन्यवाद। गोपनीयता नियमों के कारण हम किसी की अनुमति के बिना यह पुष्टि नहीं कर सकते कि कोई व्यक्ति हमारे यहाँ है या था, और न ही किसी के स्वास्थ्य की जानकारी दे सकते हैं। मीडिया के प्रश्न {c} पर भेजें।"),
        Lang::Hinglish => format!("Aapke sawaal ke liye dhanyavaad. Privacy niyamon ki wajah se hum kisi ki anumati ke bina yeh confirm nahi kar sakte ki koi vyakti hamare yahan hai ya tha, na hi kisi ki sehat ki jaankari de sakte hain. Media ke sawaal {c} par bhejein."),
    }
}

/// Original text with each patient-information span replaced by a placeholder.
fn redact(text: &str, phi: &[PhiSpan]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    for p in phi {
        if p.start < i || p.end > chars.len() {
            continue;
        }
        out.extend(&chars[i..p.start]);
        out.push_str(match p.kind.as_str() {
            "PERSON" | "NAME" => "[name]",
            "CLINICAL" | "SELF_DISCLOSED" => "[health detail]",
            "DATE_OF_SERVICE" | "DATE" | "TIME" => "[date]",
            "PATIENT_STATUS" => "[removed]",
            "AGE" => "[age]",
            _ => "[removed]",
        });
        i = p.end;
    }
    out.extend(&chars[i.min(chars.len())..]);
    out
}

pub fn suggest(
    ctx: &Ctx,
    org: &OrgPolicy,
    text: &str,
    verdict: Verdict,
    fired: &[Fired],
    phi: &[PhiSpan],
    crisis_thread: bool,
) -> Option<String> {
    let has = |r: RuleId| fired.iter().any(|f| f.rule == r);
    if verdict == Verdict::Allow && !has(RuleId::ProCrisis) {
        return None;
    }
    let lang = detect_lang(text);
    // Answering someone in crisis, the safe reply is the crisis reply, whatever else the
    // draft got wrong.
    if has(RuleId::ProCrisis) || crisis_thread && !ctx.inbound {
        return Some(crisis_reply(org, ctx.jurisdiction, lang));
    }
    let reply = matches!(
        ctx.family,
        ChannelFamily::ReviewReply | ChannelFamily::CommentReply
    );
    if ctx.inbound {
        return match ctx.family {
            ChannelFamily::DirectMessage => Some(dm_reply(org, lang)),
            _ if has(RuleId::PhiChannel) => Some(safe_reply(org, lang, false)),
            _ => None,
        };
    }
    // The organisation's safe reply speaks for the organisation; on a staff member's
    // personal account the fix is to remove the patient information instead.
    if reply && !ctx.personal_account {
        return Some(safe_reply(org, lang, has(RuleId::ProAdvice)));
    }
    // Dosing advice in a message is fixed by sending the person to a clinician, not by
    // blanking the drug name.
    if ctx.family == ChannelFamily::DirectMessage && has(RuleId::ProAdvice) {
        return Some(safe_reply(org, lang, true));
    }
    if ctx.family == ChannelFamily::DirectMessage && has(RuleId::PhiChannel) {
        return Some(dm_reply(org, lang));
    }
    // A press answer about a patient: a redaction still answers the question ("he is a
    // [removed] … his condition is fair"); the holding statement answers none.
    if ctx.family == ChannelFamily::Press && has(RuleId::PhiMedia) {
        return Some(press_reply(org, lang));
    }
    // Removing patient details fixes privacy findings only; an offer to tell a baby's sex
    // or a cure claim stays wrong however it is redacted.
    let privacy_only = fired
        .iter()
        .filter(|f| f.verdict == Verdict::Block)
        .all(|f| {
            let code = crate::rules::catalog::def(f.rule).code;
            code.starts_with("PHI-") || code.starts_with("TRK-")
        });
    if !phi.is_empty() && privacy_only {
        return Some(redact(text, phi));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckRequest, Engine};

    /// The press holding statement passes the engine itself, in every language and place.
    #[test]
    fn press_reply_is_allowed() {
        let engine = Engine::new(OrgPolicy::default());
        for (lang, j) in [
            (Lang::English, "US"),
            (Lang::English, "IN"),
            (Lang::Hindi, "IN"),
            (Lang::Hinglish, "IN"),
        ] {
            let text = press_reply(&OrgPolicy::default(), lang);
            let req: CheckRequest = serde_json::from_value(serde_json::json!({
                "text": text, "channel": "press_release", "jurisdiction": j
            }))
            .unwrap();
            assert_eq!(engine.check(&req).verdict, Verdict::Allow, "{text}");
        }
    }
}
