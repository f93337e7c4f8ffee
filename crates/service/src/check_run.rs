//! Running the check for a post with what the organisation has on file: the attached
//! consents, its page classes (landing-page facts) and the post's attached media. The
//! checking itself is pure (`post_check`); this loads its inputs.

use domain::workflow;
use store::accounts::SocialAccount;
use store::consents::Consent;
use store::Db;

use crate::post_check::{check_post, Attached, AttachedMedia, PostCheck, TargetText};
use crate::posts::{platform_of, Deps};
use crate::Result;

/// The media attached to a post (none for a post not written yet).
async fn attached_media(db: &Db, post_id: Option<i64>) -> Result<Vec<AttachedMedia>> {
    let Some(id) = post_id else {
        return Ok(Vec::new());
    };
    let mut c = db.conn().await?;
    let items = store::media::of_post(&mut c, id).await?;
    Ok(items
        .into_iter()
        .map(|m| AttachedMedia {
            media_id: m.id,
            alt_text: m.alt_text,
            // Anything unreadable is for a person to look at.
            screened: workflow::Verdict::parse(&m.verdict)
                .unwrap_or(workflow::Verdict::NeedsReview),
        })
        .collect())
}

/// Run the check for a post's current text, targets and consents.
pub(crate) async fn run_check(
    deps: Deps<'_>,
    org_id: i64,
    post_id: Option<i64>,
    base_text: &str,
    targets: &[(SocialAccount, Option<String>)],
    consents: &[Consent],
    now_ms: i64,
) -> Result<PostCheck> {
    let texts: Vec<TargetText<'_>> = targets
        .iter()
        .map(|(a, v)| TargetText {
            account_id: a.id,
            platform: platform_of(a),
            text: v.as_deref().unwrap_or(base_text),
        })
        .collect();
    check_texts(deps, org_id, post_id, base_text, &texts, consents, now_ms).await
}

/// The check with what the organisation has on file: its page classes (landing-page
/// facts) and the post's attached media.
async fn check_texts(
    deps: Deps<'_>,
    org_id: i64,
    post_id: Option<i64>,
    base_text: &str,
    texts: &[TargetText<'_>],
    consents: &[Consent],
    now_ms: i64,
) -> Result<PostCheck> {
    let engine = deps.checker.engine(deps.db, deps.sealer, org_id).await?;
    let classes = crate::links::check_classes(deps.db, org_id).await?;
    let media = attached_media(deps.db, post_id).await?;
    let attached = Attached {
        consents,
        classes: &classes,
        media: &media,
    };
    Ok(check_post(&engine, base_text, texts, &attached, now_ms))
}

/// The check at publish time: one target's text as approved, with today's consents.
pub async fn check_for_publication(
    deps: Deps<'_>,
    org_id: i64,
    post_id: i64,
    target: TargetText<'_>,
    now_ms: i64,
) -> Result<PostCheck> {
    let consents = {
        let mut c = deps.db.conn().await?;
        store::consents::for_post(&mut c, post_id).await?
    };
    let text = target.text;
    check_texts(
        deps,
        org_id,
        Some(post_id),
        text,
        &[target],
        &consents,
        now_ms,
    )
    .await
}
