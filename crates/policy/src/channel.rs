//! Channel families. Rules care about the shape of a surface (is it a public reply to a
//! named reviewer? a private message? a press statement?), not the platform, so any channel
//! name — including ones the engine has never seen — is mapped to a family by its words.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelFamily {
    /// Public reply to a review (Google, Yelp, Practo, JustDial…).
    ReviewReply,
    /// A review itself (written by someone; outbound means staff or an agent wrote it).
    Review,
    /// Public reply to a comment or mention.
    CommentReply,
    /// Comment, mention or post by someone else on our pages.
    Comment,
    /// Private message (DM, Messenger, WhatsApp, SMS). Not a secure channel.
    DirectMessage,
    /// Press release or statement to media.
    Press,
    /// Email or newsletter to a list.
    Email,
    /// Public post, caption, story, reel, web page, ad.
    Post,
}

impl ChannelFamily {
    /// Map a channel name to its family. Unknown or empty names are treated as a public
    /// post, the most exposed surface, so nothing is judged more leniently than it should be.
    pub fn from_name(name: Option<&str>) -> ChannelFamily {
        let Some(name) = name else {
            return ChannelFamily::Post;
        };
        // Channel names are short: lower-case on the stack and compare windows directly
        // (about forty probes per check).
        let mut buf = [0u8; 64];
        let owned;
        let n: &[u8] = match buf.get_mut(..name.len()) {
            Some(b) => {
                b.copy_from_slice(name.as_bytes());
                b.make_ascii_lowercase();
                b
            }
            None => {
                owned = name.to_ascii_lowercase();
                owned.as_bytes()
            }
        };
        let has = |w: &str| n.windows(w.len()).any(|x| x == w.as_bytes());
        if has("press") || has("media_statement") || has("news_release") || has("statement") {
            return ChannelFamily::Press;
        }
        let review = has("review") || has("rating") || has("feedback");
        let reply = has("reply") || has("response") || has("respond") || has("answer");
        if review && reply {
            return ChannelFamily::ReviewReply;
        }
        if has("comment") || has("mention") || has("thread") || has("tweet_reply") {
            return if reply {
                ChannelFamily::CommentReply
            } else {
                ChannelFamily::Comment
            };
        }
        if reply {
            return ChannelFamily::CommentReply;
        }
        if review {
            return ChannelFamily::Review;
        }
        // "whatsapp_broadcast" reaches a list; "youtube_live_broadcast" is a stream anyone watches.
        let streamed = has("live") || has("youtube") || has("stream") || has("channel");
        if has("email")
            || has("newsletter")
            || has("mail")
            || has("broadcast") && !streamed
            || has("blast")
        {
            return ChannelFamily::Email;
        }
        // A message to a group ("whatsapp_group_message", "telegram_community") is read by
        // everyone in it: published, not a conversation.
        if has("group") || has("community") {
            return ChannelFamily::Post;
        }
        // "whatsapp_channel_post", "whatsapp_status": published, not a conversation.
        if [
            "post", "status", "story", "reel", "caption", "tweet", "channel", "update",
        ]
        .iter()
        .any(|w| has(w))
        {
            return ChannelFamily::Post;
        }
        if has("dm") && (n == b"dm" || n.ends_with(b"_dm") || n.starts_with(b"dm_") || has("_dm_"))
            || [
                "direct",
                "message",
                "messenger",
                "whatsapp",
                "sms",
                "inbox",
                "chat",
                "text",
            ]
            .iter()
            .any(|w| has(w))
        {
            return ChannelFamily::DirectMessage;
        }
        ChannelFamily::Post
    }

    /// A reply addressed to a specific person in public: "you" means that person.
    pub fn is_public_reply(self) -> bool {
        matches!(
            self,
            ChannelFamily::ReviewReply | ChannelFamily::CommentReply
        )
    }

    /// Addressed to one person ("you" is a specific individual).
    pub fn is_addressed(self) -> bool {
        matches!(
            self,
            ChannelFamily::ReviewReply | ChannelFamily::CommentReply | ChannelFamily::DirectMessage
        )
    }

    /// Seen by people other than the patient and the organisation.
    pub fn is_public(self) -> bool {
        !matches!(self, ChannelFamily::DirectMessage)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ChannelFamily::ReviewReply => "review reply",
            ChannelFamily::Review => "review",
            ChannelFamily::CommentReply => "comment reply",
            ChannelFamily::Comment => "comment",
            ChannelFamily::DirectMessage => "direct message",
            ChannelFamily::Press => "press statement",
            ChannelFamily::Email => "email",
            ChannelFamily::Post => "post",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ChannelFamily as F;

    #[test]
    fn families_by_name() {
        let cases = [
            ("google_review_reply", F::ReviewReply),
            ("yelp_review_reply", F::ReviewReply),
            ("practo_feedback_response", F::ReviewReply),
            ("google_review", F::Review),
            ("facebook_comment_reply", F::CommentReply),
            ("facebook_comment_inbound", F::Comment),
            ("instagram_dm", F::DirectMessage),
            ("whatsapp_business", F::DirectMessage),
            ("press_release", F::Press),
            ("facebook_post", F::Post),
            ("instagram_reel_caption", F::Post),
            ("website_testimonial", F::Post),
            ("email_newsletter", F::Email),
            ("whatsapp_channel_post", F::Post),
            ("whatsapp_group_message", F::Post),
            ("whatsapp_broadcast", F::Email),
            ("youtube_live_broadcast", F::Post),
            ("patient_sms", F::DirectMessage),
            ("admin_portal", F::Post),
            ("instagram_dm_inbound", F::DirectMessage),
            ("whatsapp_inbound", F::DirectMessage),
            ("facebook_dm", F::DirectMessage),
            ("gbp_post", F::Post),
            ("justdial_review_reply", F::ReviewReply),
            ("", F::Post),
        ];
        for (name, fam) in cases {
            assert_eq!(F::from_name(Some(name)), fam, "{name}");
        }
        assert_eq!(F::from_name(None), F::Post);
    }
}
