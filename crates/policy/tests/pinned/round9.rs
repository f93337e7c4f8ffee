//! Round 9 (blind batch 83, "subtle risk"): a relative's ward in a reply, a generic
//! prescription drug selling a programme, and a death in our care; each row failed before
//! its fix.

use super::{check_pinned, Expect, Pinned};

#[test]
fn general_fixes_hold_9() {
    use Expect::*;
    let cases: &[Pinned] = &[
        // "her" is the mother the comment named; "3 North" is her ward.
        (Block, "This made our day! Please tell her everyone up on 3 North is cheering her on.", "facebook_comment_reply", "US", Some("Thank you all for taking such good care of my mom in the ICU last week!"), "{}"),
        // A generic prescription drug's benefit, selling our programme.
        (Rule("FDA-BALANCE"), "Semaglutide helped adults in clinical trials lose about 15% of their body weight. Ask about our physician-supervised weight program.", "x_post", "US", None, "{}"),
        // The reviewer's father's last days with us.
        (Block, "We are so sorry for your loss. Our nurses felt privileged to be with your father in his final days.", "google_review_reply", "US", Some("Nobody returned our calls on the weekend."), "{}"),
    ];
    check_pinned(cases);
}
