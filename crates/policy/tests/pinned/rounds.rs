//! Rounds 2–5 of general mechanisms.

use super::{check_pinned, Expect, Pinned};

/// Second round of general mechanisms (blind batches 22–29), each failing before its fix.
#[test]
fn general_fixes_hold_2() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // Romanised Hindi words are not names ("kaat le"), nor are scheme names.
        (RulesAllow, "Saanp kaat le toh turant 108 call karein. Anti-snake venom sarkari aspataal mein muft milta hai.", "facebook_post", "IN", None, "{}"),
        (RulesAllow, "Sarkari aspataal mein TB ki dawai muft hai, aur Nikshay Poshan Yojana se ₹1000 mahina milta hai.", "instagram_post", "IN", None, "{}"),
        // A farewell letter left for the children is a crisis, in Hindi too.
        (Crisis, "बच्चों के नाम चिट्ठी लिख कर रख दी है। रात को कोई बात कर सकता है?", "facebook_comment_inbound", "IN", None, "{}"),
        // Coded sex determination: a fairy or little Krishna.
        (Block, "Jaaniye aapke ghar nanhi pari aayegi ya nanha Krishna! 3D sonography sirf ₹3,500.", "whatsapp_message", "IN", None, "{}"),
        // Rewards only for top scores are conditioned on sentiment.
        (Block, "If you gave us a 9 or 10, post it on Google and we'll mail you a free whitening pen!", "sms_message", "US", None, "{}"),
        // "Not sponsored" from someone with an undisclosed connection is no disclosure.
        (Block, "honestly obsessed 😍 @SlimPathHealth got me my meds in 2 days (not sponsored lol)", "tiktok_caption", "US", None, r#"{"author": "influencer", "connection_disclosed": false}"#),
        // A name in the slug of a patient-story link.
        (Block, "Read this week's NICU graduate spotlight 💙 https://kids.example/blog/liam-brennan-born-early", "facebook_post", "US", None, "{}"),
        // Confirming "the procedure" a reviewer named.
        (Block, "Glad the procedure itself went smoothly, and a little soreness is normal.", "google_review_reply", "US", Some("Had my vasectomy here last month."), "{}"),
        // A reply that brings up a sensitive condition the reviewer never named.
        (Block, "We hear you, and we know juggling anxiety plus ADHD meds is stressful.", "yelp_review_reply", "US", Some("Took 3 weeks to get my refill."), "{}"),
        // A booked visit for the person thanked by name.
        (Block, "Thank you Kaur aunty ji! Next session Thursday 5 baje, time pe aa jaana!", "google_review_reply", "IN", None, "{}"),
        // "Post-Op Day 2" is care, not the name of an institution (a whiteboard as OCR reads it).
        (Block, "Patieht! Asha Verma\nDob 12031961\nBeo 4+ Post-Op Day 2", "instagram_post", "US", None, "{}"),
        // A time is not a house number; "Mon-Sat" and "30 साल के बाद" are no one.
        (RulesAllow, "Questions: 1-833-555-0190, Monday–Friday, 8am–8pm CT.", "website_notice", "US", None, "{}"),
        (RulesAllow, "14 नवंबर – विश्व मधुमेह दिवस। 30 साल के बाद साल में एक बार शुगर की जाँच ज़रूर कराएँ और डॉक्टर की सलाह के बिना दवा न लें।", "facebook_post", "IN", None, "{}"),
    ];
    check_pinned(cases);
}

/// Third round (blind batches 31–34): facts described in words, and rules, each failing
/// before its fix.
#[test]
fn general_fixes_hold_3() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // Media described in words: a whiteboard in view, children from a school camp.
        (Block, "Morning rounds on 6 East with our amazing charge nurses!", "instagram_post", "US", None, r#"{"staff_consent": true, "media": [{"kind": "image", "shows": "staff at the nurses' station", "visible": ["patient board with names and bed numbers"]}]}"#),
        (Block, "Aaj Govt. Middle School, Sanchi mein 120 bacchon ka eye check-up hua. Dekhiye tasveerein!", "facebook_post", "IN", None, r#"{"parental_consent": false, "media": [{"kind": "image", "shows": "students' faces"}]}"#),
        // An authorisation for the website does not cover Instagram.
        (Block, "Meet Dolores, 58, who walked out of here pain-free six weeks after her spinal fusion!", "instagram_post", "US", None, r#"{"patient_authorization": true, "authorization_channels": ["website"], "media": [{"kind": "image", "shows": "patient"}]}"#),
        // A booking page behind a `link` with trackers.
        (Review, "Book your child's flu shot online in two minutes: kidsfirst.example/flu", "facebook_post", "US", None, r#"{"link": {"lands_on": "booking_page", "trackers": ["Meta Pixel"]}}"#),
        // "Trusting us with your treatment here", in Hindi.
        (Review, "हम पर भरोसा करके अपना इलाज यहाँ कराने के लिए शुक्रिया।", "google_review_reply", "IN", Some("अच्छा अस्पताल है"), "{}"),
        // A symptom of the reviewer's child is clinical.
        (Block, "So sorry your son had to wait while he was gasping for air.", "yelp_review_reply", "US", Some("Waited forever with my son in the ER."), "{}"),
        // Years of service are not an age; a ward is not a surname.
        (RulesAllow, "Congratulations to Priya Nair, RN, who has spent 25 years caring for families on 3 West!", "facebook_post", "US", None, r#"{"staff_consent": true}"#),
        // Son or daughter, both precious: the campaign, not a hint.
        (RulesAllow, "Beta ho ya beti, dono barabar hain. Garbh mein ling jaanch kanoonan apraadh hai.", "instagram_post", "IN", None, "{}"),
        // A register's count is a statistic, not our volume.
        (RulesAllow, "Vidisha zile mein 2025 mein dengue ke 860 mareez notify hue. Machhar se bachav karein.", "facebook_post", "IN", None, "{}"),
        // The people of a public accident, counted and placed.
        (Rule("PHI-INDIRECT"), "Nine passengers hurt in this morning's bus crash near Ashta were brought to our emergency department; four have been admitted.", "press_release", "IN", None, "{}"),
        // "Your experience with us" says they were ours.
        (Rule("PHI-REL"), "We're sorry your experience with us fell short. Please call our office at 555-0148.", "google_review_reply", "US", Some("Not impressed."), "{}"),
        // Contempt for reviewers, without the stock phrases.
        (Review, "Some people have nothing better to do than trash a small clinic online.", "google_review_reply", "US", Some("Rude staff."), "{}"),
        // Typical results stated with words between "most" and "patients".
        (RulesAllow, "\u{201c}Back on the tennis court eight weeks after my knee replacement.\u{201d} Shared with permission. Most of our knee patients return to daily activities in 6 to 12 weeks.", "website_testimonial", "US", None, r#"{"patient_authorization": true}"#),
        // Hindi dates and pronouns: a named patient's admission.
        (Block, "श्री रमेश यादव जी को 4 मार्च को भर्ती किया गया था। वे अभी आईसीयू में हैं।", "x_reply", "IN", Some("@DainikKhabar: क्या रमेश यादव भर्ती हैं?"), "{}"),
        // Batches 35–37. Confirming care to someone who named a sensitive procedure.
        (Block, "So sorry your recovery is slower than you hoped. Please call our nurse line at 555-0134.", "google_review_reply", "US", Some("Had my IUD placed two weeks ago and still cramping."), "{}"),
        // Repeating the body part of the condition the parent named.
        (Block, "Thanks for the feedback! Hope your little one's eye is all better.", "google_review_reply", "US", Some("Long wait with my son's pink eye infection."), "{}"),
        // Their father's bill, in Hindi.
        (Block, "वर्मा जी, आपके पिताजी के वार्ड में 4 दिन का बिल ₹62,000 था।", "google_review_reply", "IN", Some("बिल बहुत ज़्यादा था"), "{}"),
        // A reply to stockpiled pills without the numbers.
        (Crisis, "We're sorry you're struggling. Please DM us and our team will reach out next week.", "facebook_comment_reply", "US", Some("I've been saving up my sleeping pills. Tonight feels like the night."), "{}"),
        // A signed first-person quote is a testimonial.
        (Block, "\u{201c}They removed my gallbladder and I was home the same day.\u{201d} \u{2014} Denise K., Ames", "website_testimonial", "US", None, r#"{"patient_authorization": false}"#),
        // A few people at a named school, with their care.
        (Rule("PHI-INDIRECT"), "Shoutout to the two Lakeside Academy seniors who just finished our eating-disorder recovery group!", "facebook_post", "US", None, "{}"),
        // A staff member's baby patient by bed and ventilator days.
        (Block, "Our little warrior in bed 7 finally came off the vent after 12 days!", "personal_instagram_post", "US", None, r#"{"account": "personal", "author": "staff"}"#),
        // A DM that says it came from the patient list, for politics.
        (Block, "Hi Joan, as a valued patient you're on our patient list: please vote for Dr. Park on March 3!", "facebook_dm", "US", None, "{}"),
        // An awareness post: "मन" is the mind, "minor injuries" no child, a drug no person.
        (RulesAllow, "World Mental Health Day: मन की बात कहना हिम्मत है। Tele-MANAS 14416 पर मुफ़्त सलाह।", "instagram_post", "IN", None, "{}"),
        (RulesAllow, "We are receiving patients from this afternoon's crash near Caldwell and have opened a family line. People with minor injuries may go to our urgent care.", "press_release", "US", None, "{}"),
        // Batches 38–40. Weekday names, buildings and streets in Hindi are not people.
        (RulesAllow, "We can't discuss anyone's care here, but our Patient Advocacy team can help: call 555-0110, Monday to Friday, 9 am to 5 pm.", "facebook_comment_reply", "US", Some("Waited 6 hours in your ER."), "{}"),
        // A myth, debunked, is no claim.
        (RulesAllow, "IVF myths: har IVF mein twins hote hain — galat. Pehli cycle fail matlab umeed khatam — galat.", "instagram_post", "IN", None, "{}"),
        // Hindi relationship phrases and a Hindi root canal.
        (Review, "आपकी सेवा करने का अवसर मिलना हमारे लिए सम्मान की बात थी।", "google_review_reply", "IN", Some("अच्छा अनुभव"), "{}"),
        (Block, "सुनीता जी, आपका रूट कैनाल 3 अप्रैल को हुआ था और बिल ₹5,000 का था।", "google_review_reply", "IN", Some("दर्द अभी भी है"), "{}"),
        // Reposting a patient's own story.
        (Block, "Reposting @sam.lifts 💪 'Six weeks after my knee surgery at @corept and I'm back on the bike!' Proud of you, Sam!", "instagram_story", "US", None, r#"{"patient_authorization": false}"#),
        // A doctor telling parents to give a product, with her discount code.
        (Block, "Main Dr. Ritu Sharma, pediatrician. Apne bachchon ko roz BoostKid powder dijiye! Code DRRITU se 10% off.", "instagram_reel_caption", "IN", None, "{}"),
        // A patient's first-person result is a testimonial, not the advertiser's claim.
        (Review, "\"I dropped 25 pounds in 8 weeks and came off my blood pressure pills!\" \u{2014} Dana R., Boise.", "website_testimonial", "US", None, r#"{"patient_authorization": true}"#),
        // Sensitive medication and a first.last handle in a tracking link.
        (Block, "Book your next slot here: book.example.org/s?utm_campaign=prep-refill&utm_content=lee.nguyen", "facebook_comment_reply", "US", Some("I ran out of my PrEP, how do I book?"), "{}"),
        // A message that says it came from the treatment roster, for a gala.
        (Block, "Hi Mr. Ortiz! As a graduate of our Riverside Recovery Program, please join our gala on May 2. Donations: riverside.example/gala", "instagram_dm", "US", None, "{}"),
        // Children photographed at a named school with their findings.
        (Block, "Today we screened 80 children at Little Flower School, Indore. Many had cavities — see the photos!", "facebook_post", "IN", None, r#"{"media": [{"kind": "image", "shows": "unknown"}]}"#),
        // Batches 41–43. Contempt for the reviewer in new words.
        (Review, "Some people will find anything to complain about. Maybe try another office.", "yelp_review_reply", "US", Some("Waited an hour."), "{}"),
        // A de-identified scan posted by an Indian doctor is still NMC's concern.
        (Review, "Teaching Tuesday: MRI showing a complete ACL tear. Image anonymised, all identifiers removed.", "instagram_post", "IN", None, "{}"),
        // The named person the commenter asked about, confirmed as treated here.
        (Block, "Haan ji, Meena ji ka procedure pichhle hafte humare yahan hua tha.", "facebook_comment_reply", "IN", Some("Meena ka abortion aapke yahan hua tha na?"), "{}"),
        // A record number in a tracking value; a weight is not a helpline; a comma ends a title's name.
        (Block, "Newly diagnosed? Book here: care.example/endo?utm_campaign=newdx&utm_content=pt55102", "x_post", "US", None, "{}"),
        (Block, "Before & after: a year after her gastric sleeve with Dr. Patel, Maria from Tulsa is down 108 lbs!", "instagram_post", "US", None, r#"{"patient_authorization": false}"#),
        // Examples, registrations, referrals and fire departments are no one's data.
        (RulesAllow, "ABHA banwaiye aur reception par apna ABHA address (jaise naam@abdm) bataiye.", "instagram_post", "IN", None, "{}"),
        (RulesAllow, "Welcome Dr. Ravi Iyer, MD (Medicine), MMC Reg. No. 2014/06/2231, to our Pune centre.", "facebook_post", "IN", None, "{}"),
        (RulesAllow, "We can't give medical advice here; please talk with your care team before making any change.", "facebook_comment_reply", "US", Some("Can I double my metformin?"), "{}"),
        (RulesAllow, "We thank Dayton Fire and Miami Township first responders for their work.", "press_statement", "US", None, "{}"),
        (RulesAllow, "गोपनीयता के कारण हम यहाँ किसी के उपचार के बारे में बात नहीं कर सकते। कृपया क्लिनिक मैनेजर से बात करें।", "google_review_reply", "IN", Some("दर्द हुआ"), "{}"),
        // A staff member's post about a de-addiction client, in Hinglish.
        (Block, "Aaj humare centre se ek aur bhai ghar gaya, 2 baar relapse ke baad ab 60 din se sharab nahi.", "personal_facebook_post", "IN", None, r#"{"account": "personal", "author": "staff"}"#),
        // Batch 45. "Registered patient" says where the number came from.
        (Block, "Namaste Suresh ji, aap City Hospital ke registered patient hain, isliye vinati hai: Dr. Verma ko vote dein.", "whatsapp_dm", "IN", None, "{}"),
        // No cure, denied, is no claim; "our patient app" is a department.
        (RulesAllow, "World Kidney Day: kidney disease has no permanent cure, but early tests help. Free creatinine test at our centres.", "facebook_post", "IN", None, "{}"),
        (RulesAllow, "Aapki privacy ke liye hum yahan reports ki baat nahi karte. Kripya hamare patient app mein login karein.", "instagram_dm", "IN", Some("Mera CBC report ready hai kya?"), "{}"),
        // An undisclosed connection on record: recommending the product is the endorsement.
        (Block, "Dr. Lee, our podiatrist: \"The ArchPro insole is the first thing I tell every runner to try.\"", "instagram_post", "US", None, r#"{"connection_disclosed": false}"#),
        // A legible screen in the photo.
        (Block, "A look inside our renovated ICU!", "instagram_post", "US", None, r#"{"media": [{"kind": "image", "shows": "screen"}]}"#),
    ];
    check_pinned(cases);
    // Whose an entity is, seen directly: an offer's deadline, buildings and weekdays in
    // Hinglish, a medspa.
    let sig = policy::debug_signals;
    let offer = sig("Book by June 30 for 15% off your first facial at Lotus MedSpa!");
    assert!(
        offer.contains("ENT Date \"June 30\" staff=false org=true"),
        "{offer}"
    );
    assert!(!offer.contains("ENT Name"), "{offer}");
    let camp = sig("Is Shanivar, 9 August ko Raisen ke Nehru Bhawan mein muft aankh jaanch camp.");
    assert!(!camp.contains("ENT Name"), "{camp}");
}

/// Fourth round (blind batches 50–53 and 56): facts sent as objects or beside the others,
/// handles in links, care confirmed by a past day or a ward; each row fails before its fix.
#[test]
fn general_fixes_hold_4() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // The audience as an object; a partner's offer to the patient list.
        (Rule("PHI-PURPOSE"), "Dear patients, our partner Sunrise Jewellers is offering you 15% off this Diwali with code CARE15!", "whatsapp_broadcast", "IN", None, r#"{"audience": {"source": "patient_mobile_list", "marketing_consent": false}}"#),
        // A stated purpose the patients never agreed to.
        (Rule("PHI-PURPOSE"), "Join us Saturday at the Riverside town hall!", "email_broadcast", "US", None, r#"{"audience": "patient_list", "purpose": "political campaign"}"#),
        // An offer built from the reader's last report, in a broadcast.
        (Rule("PHI-PURPOSE"), "Namaste! Aapki pichhli lipid report ke aadhaar par aapke liye Heart Check sirf ₹1,499.", "whatsapp_broadcast", "IN", None, r#"{"audience_source": "patient_records"}"#),
        // Where the link lands, beside the other facts or under `landing`.
        (Rule("TRK-PIXEL"), "Feeling low lately? Our counsellors have openings this week: mindcare.example/book", "facebook_post", "US", None, r#"{"link_lands": "booking_page", "third_party_trackers": ["TikTok Pixel"]}"#),
        (Rule("TRK-PIXEL"), "Book a flu shot online: clinic.example/flu", "facebook_post", "US", None, r#"{"link": {"landing": "booking", "third_party_trackers": "meta_pixel"}}"#),
        // A person's handle in a campaign link of a text about a condition; a banner is no one.
        (Block, "Managing lupus? Your plan is ready: care.example/plan?utm_content=rkapoor22", "facebook_post", "US", None, "{}"),
        (Block, "Newly diagnosed with HIV? Our guide: care.example/guide?utm_content=dgomez_referral", "x_post", "US", None, "{}"),
        (RulesAllow, "Managing asthma? Our guide: care.example/asthma?utm_content=banner12", "facebook_post", "US", None, "{}"),
        // "We took care of you last Friday": the visit and its day.
        (Block, "So happy our team could help you yesterday, hope the rest of your week is easy!", "google_review_reply", "US", Some("Quick and kind."), "{}"),
        (Block, "Glad we could help you over the weekend.", "google_review_reply", "US", Some("5 stars"), "{}"),
        (Block, "पिछले शुक्रवार आपकी माताजी की देखभाल में हमारी टीम मदद कर सकी, यह जानकर खुशी हुई।", "google_review_reply", "IN", Some("अच्छा स्टाफ"), "{}"),
        // A named person's stay, dated, in a ward.
        (Block, "So good to have Principal Maria Gomez with us this week! She's resting up on 6 North.", "facebook_post", "US", None, "{}"),
        // A counted few from a public event, in our emergency department.
        (Rule("PHI-INDIRECT"), "Two workers hurt in yesterday's factory fire near Pithampur were brought to our emergency department.", "press_release", "IN", None, "{}"),
        // Asking for reviews without the word, with a prize.
        (Rule("FTC-INCENT"), "Tell us about your visit on Google this month and you could win a $25 gift card!", "facebook_post", "US", None, "{}"),
        // Everyone who tried it: a 100 % claim without the number.
        (Rule("FTC-SUBST"), "Everyone who's tried our PRP knee injections has avoided knee replacement surgery.", "instagram_post", "US", None, "{}"),
        // The before & after pictures are the result.
        (Rule("FTC-TYPICAL"), "Before & after: three months into our laser resurfacing program. Individual results may vary.", "instagram_post", "US", None, r#"{"patient_authorization": true}"#),
        // "Diabetes ke mareez" addresses a group; a lab's price list is no doctor's promotion.
        (RulesAllow, "Diabetes ke mareez dhyan dein: insulin ko fridge mein rakhein, freezer mein nahi.", "facebook_post", "IN", None, "{}"),
        (RulesAllow, "Winter wellness package ₹1,299: CBC, HbA1c, lipid profile aur TSH. Ghar se sample collection.", "facebook_post", "IN", None, "{}"),
        // Consent per person: one refusal means not every staff member shown agreed.
        (Review, "Meet our night shift!", "instagram_post", "US", None, r#"{"staff_media_consent": {"Maria Lopez": true, "Jamal Wright": false}, "media": [{"kind": "image", "shows": "staff"}]}"#),
    ];
    check_pinned(cases);
    // Not people: Hindi pronouns before "family", job-title plurals, branch places,
    // a candidate.
    let sig = policy::debug_signals;
    for text in [
        "अपने परिवार के बुज़ुर्गों को ज़रूर लाएँ।",
        "We're hiring RNs for our Dayton and Kettering home-care teams.",
        "Dr. Aisha Rahman at Cedar Ridge Children's explains type 1 diabetes.",
    ] {
        let s = sig(text);
        let people = s.matches("ENT Name").count() - s.matches("staff=true").count();
        assert_eq!(people, 0, "{s}");
    }
    let vote = sig("Please vote for my friend Greg Larson for County Commissioner.");
    assert!(
        vote.contains("ENT Name \"Greg Larson\" staff=false org=true"),
        "{vote}"
    );
}

/// Fifth round (blind batches 60–63): false blocks on announcements, reports and
/// characters; each row fails on 6f18a22.
#[test]
fn general_fixes_hold_5() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // A text that starts with "Day" (the observance look-back ran before word 0).
        (RulesAllow, "Day two of our free eye camp in Sehore: walk in any time before 4 pm.", "facebook_post", "IN", None, "{}"),
        // `audience` and `audience_source` together.
        (Rule("PHI-PURPOSE"), "Vote for Councillor Mehta on 5 May!", "whatsapp_broadcast", "IN", None, r#"{"audience": "public", "audience_source": "patient_list"}"#),
        // Donors in a building's name, and the building's address.
        (RulesAllow, "Riverside Health opens the Harold and June Whitaker Imaging Pavilion on Monday at 4400 Canal Street, Stockton.", "press_release", "US", None, "{}"),
        // When a broadcast airs; a show's name.
        (RulesAllow, "Tune in Thursday at 8:15 am: Dr. Lena Ortiz joins KXLY Morning News to talk about flu symptoms in toddlers.", "facebook_post", "US", None, r#"{"staff_consent": true}"#),
        // Hinglish "teen" is three; "18 se 60 saal" is an age band.
        (RulesAllow, "World Blood Donor Day par Raisen Town Hall mein raktdaan shivir, subah 9 se shaam 4 baje tak. 18 se 60 saal ke swasth log aayein. Ek unit khoon teen zindagiyan bachata hai.", "instagram_post", "IN", None, "{}"),
        // A thousands separator after a comma is no age.
        (RulesAllow, "Our year in numbers: 9,120 flu shots, 1,480 mammograms and 2,310 babies born.", "linkedin_post", "US", None, "{}"),
        // A cartoon character is nobody.
        (RulesAllow, "Meet Max, a cartoon character who walks kids through an MRI. Max is not a real patient.", "youtube_description", "US", None, "{}"),
        // "X, our front desk lead" is one of us.
        (RulesAllow, "Meet Tom Reyes, our front desk lead for 9 years. Say hi next time you're in for your flu shot!", "facebook_post", "US", None, r#"{"staff_consent": true}"#),
        // "अब जीना नहीं है" in the comment answered.
        (Crisis, "हमें दुख है 🙏 कृपया हमें इनबॉक्स करें।", "facebook_comment_reply", "IN", Some("मेरे भाई कहते हैं अब जीना नहीं है।"), "{}"),
        // A staff member's post about the patient in room 14 tonight.
        (Block, "POV: bed 9 in step-down just buzzed for the 6th time tonight to ask for the TV remote 🙄 #nightshift", "personal_instagram_post", "US", None, r#"{"account": "personal", "author": "staff"}"#),
        // Weekdays spelt with a long "aa": the next session of a named person's relative.
        (Block, "Dhanyavaad Suresh ji! Mummy ji ko pranam, agle Budhvaar ke session mein milte hain.", "google_review_reply", "IN", Some("Achha staff."), "{}"),
    ];
    check_pinned(cases);
    // "Not a real patient" clears the character it names, not everyone in the text.
    let two = policy::debug_signals(
        "Dorothy Jenkins had her hip replaced here in March. Max is not a real patient.",
    );
    assert!(two.contains("ENT Name \"Dorothy Jenkins\""), "{two}");
    assert!(!two.contains("ENT Name \"Max\""), "{two}");
}
