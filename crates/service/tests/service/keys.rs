//! Key rotation re-seals every stored secret (platform credentials and consent names) in
//! one transaction, on both backends.

use domain::Role;
use service::connections::Credentials;
use store::on_both_backends;
use store::testing::TestDb;
use vault::Sealer;

use super::{world, T0};

on_both_backends!(reseal_moves_every_secret_to_the_new_key);

async fn reseal_moves_every_secret_to_the_new_key(t: &TestDb) {
    let w = world(t).await;
    let consent = w.consent(&["post"], None).await;
    let owner = w.actor(Role::Owner).await;
    let creds = Credentials {
        remote_account_id: "42".into(),
        access_token: "tok-123".into(),
        ..Default::default()
    };
    service::connections::connect(&w.db, &w.sealer, &owner, w.x, &creds, T0)
        .await
        .unwrap();
    let new = Sealer::new(&[77; 32]);
    // A sealer that cannot open the values changes nothing.
    let stranger = Sealer::new(&[1; 32]);
    assert!(service::connections::reseal_all(&w.db, &stranger, &new)
        .await
        .is_err());
    assert_eq!(
        service::connections::load(&w.db, &w.sealer, w.x)
            .await
            .unwrap(),
        Some(creds.clone())
    );

    assert_eq!(
        service::connections::reseal_all(&w.db, &w.sealer, &new)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        service::connections::load(&w.db, &new, w.x).await.unwrap(),
        Some(creds)
    );
    let mut c = w.db.conn().await.unwrap();
    let stored = store::consents::get(&mut c, 1, consent)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        new.open(&stored.subject_name_sealed).unwrap(),
        "Sunita Sharma"
    );
    drop(c);
    // Already under the new key: nothing to do.
    assert_eq!(
        service::connections::reseal_all(&w.db, &w.sealer, &new)
            .await
            .unwrap(),
        0
    );
}
