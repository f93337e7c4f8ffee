//! Keeping publications in step with a post's state: approval into `scheduled` enqueues one
//! publication per timed target in the same transaction; leaving `scheduled` (edit,
//! withdrawal, rejection, lost consent) cancels those that have not started sending.

use domain::workflow::PostStatus;
use store::{posts, publications, random_secret, Tx};

use crate::Result;

/// Call inside the transaction that moves post `post_id` from `from` to `to`.
pub(crate) async fn sync(
    tx: &mut Tx,
    org_id: i64,
    post_id: i64,
    from: PostStatus,
    to: PostStatus,
    now_ms: i64,
) -> Result<()> {
    if to == PostStatus::Scheduled {
        publications::cancel_unsent(tx, post_id, now_ms).await?;
        for t in posts::targets(tx, post_id).await? {
            let Some(at) = t.scheduled_at else { continue };
            let key = format!("bs-{post_id}-{}-{}", t.id, random_secret(6));
            publications::enqueue(tx, org_id, post_id, t.id, t.account_id, at, &key, now_ms)
                .await?;
        }
        publications::notify_on_commit(tx).await?;
    } else if from == PostStatus::Scheduled || from == PostStatus::Approved {
        publications::cancel_unsent(tx, post_id, now_ms).await?;
    }
    Ok(())
}

/// A scheduled post's target moved: move its publication too.
pub(crate) async fn moved(
    tx: &mut Tx,
    org_id: i64,
    post_id: i64,
    status: PostStatus,
    now_ms: i64,
) -> Result<()> {
    if status == PostStatus::Scheduled {
        sync(
            tx,
            org_id,
            post_id,
            PostStatus::Scheduled,
            PostStatus::Scheduled,
            now_ms,
        )
        .await?;
    }
    Ok(())
}
