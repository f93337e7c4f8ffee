//! Storage tests. Every test runs on SQLite and on PostgreSQL (when
//! `BEDSIDE_TEST_DATABASE_URL` is set; otherwise the PostgreSQL half says it was skipped).

use std::collections::BTreeSet;

use domain::audit::{ChainProblem, Summary};
use store::audit::{self, Actor, Event};
use store::testing::TestDb;
use store::{on_both_backends, orgs, sessions, throttle, tokens, users, Backend, Db, StoreError};

const NOW: i64 = 1_790_000_000_000;

async fn seed_org(db: &Db) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let org = orgs::create(&mut tx, "Narmada Clinics", "Asia/Kolkata", "IN", NOW)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    org
}

async fn append_n(db: &Db, org: i64, n: i64) {
    for i in 0..n {
        let mut tx = db.begin().await.unwrap();
        let ev = Event::new(Some(org), "location.create", "location", i)
            .with(Summary::new().id("location_id", i));
        audit::append(&mut tx, NOW + i, &Actor::cli(), &ev)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
}

/// Simulate someone with database access: switch off the append-only guard first.
async fn tamper(db: &Db, sql: &str) {
    match db {
        Db::Sqlite(d) => {
            let p: &sqlx::SqlitePool = d;
            sqlx::query("DROP TRIGGER audit_log_no_update")
                .execute(p)
                .await
                .unwrap();
            sqlx::query("DROP TRIGGER audit_log_no_delete")
                .execute(p)
                .await
                .unwrap();
            sqlx::query(sql).execute(p).await.unwrap();
        }
        Db::Postgres(p) => {
            sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
                .execute(p)
                .await
                .unwrap();
            sqlx::query(sql).execute(p).await.unwrap();
        }
    }
}

async fn audit_chain_verifies(t: &TestDb) {
    let org = seed_org(&t.db).await;
    append_n(&t.db, org, 25).await;
    let r = audit::verify(&t.db).await.unwrap();
    assert_eq!(r.problem, None);
    assert_eq!(r.checked, 25);
    assert_eq!(r.head_seq, 25);
}

async fn audit_log_is_append_only(t: &TestDb) {
    let org = seed_org(&t.db).await;
    append_n(&t.db, org, 2).await;
    let res = match &t.db {
        Db::Sqlite(d) => sqlx::query("UPDATE audit_log SET action = 'x'")
            .execute(&**d)
            .await
            .map(|_| ()),
        Db::Postgres(p) => sqlx::query("UPDATE audit_log SET action = 'x'")
            .execute(p)
            .await
            .map(|_| ()),
    };
    assert!(res.is_err(), "update of audit_log must be refused");
}

async fn altered_audit_entry_is_caught(t: &TestDb) {
    let org = seed_org(&t.db).await;
    append_n(&t.db, org, 10).await;
    tamper(
        &t.db,
        "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4",
    )
    .await;
    let r = audit::verify(&t.db).await.unwrap();
    assert_eq!(r.problem, Some(ChainProblem::Altered { seq: 4 }));
    assert_eq!(r.checked, 3);
}

async fn deleted_audit_entry_is_caught(t: &TestDb) {
    let org = seed_org(&t.db).await;
    append_n(&t.db, org, 10).await;
    tamper(&t.db, "DELETE FROM audit_log WHERE seq = 6").await;
    let r = audit::verify(&t.db).await.unwrap();
    assert_eq!(
        r.problem,
        Some(ChainProblem::Deleted {
            after_seq: 5,
            missing_from: 6
        })
    );
}

async fn truncated_audit_tail_is_caught(t: &TestDb) {
    let org = seed_org(&t.db).await;
    append_n(&t.db, org, 10).await;
    tamper(&t.db, "DELETE FROM audit_log WHERE seq > 8").await;
    let r = audit::verify(&t.db).await.unwrap();
    assert_eq!(
        r.problem,
        Some(ChainProblem::Truncated {
            last_seq: 8,
            head_seq: 10
        })
    );
}

async fn concurrent_appends_keep_one_chain(t: &TestDb) {
    let org = seed_org(&t.db).await;
    let mut handles = Vec::new();
    for w in 0..8 {
        let db = t.db.clone();
        handles.push(tokio::spawn(async move {
            for i in 0..10 {
                let mut tx = db.begin().await.unwrap();
                let ev = Event::new(Some(org), "test.concurrent", "worker", w * 100 + i);
                audit::append(&mut tx, NOW, &Actor::system(), &ev)
                    .await
                    .unwrap();
                tx.commit().await.unwrap();
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let r = audit::verify(&t.db).await.unwrap();
    assert_eq!((r.problem, r.checked), (None, 80));
}

async fn audit_action_rolls_back_with_change(t: &TestDb) {
    let org = seed_org(&t.db).await;
    let mut tx = t.db.begin().await.unwrap();
    orgs::create_location(&mut tx, org, "Bhopal", NOW)
        .await
        .unwrap();
    audit::append(
        &mut tx,
        NOW,
        &Actor::cli(),
        &Event::new(Some(org), "location.create", "location", 1),
    )
    .await
    .unwrap();
    drop(tx); // rolled back
    let mut c = t.db.conn().await.unwrap();
    assert!(orgs::locations(&mut c, org).await.unwrap().is_empty());
    let f = audit::Filter {
        org_id: org,
        ..Default::default()
    };
    assert!(audit::list(&mut c, &f, 10, None).await.unwrap().is_empty());
    drop(c);
    assert_eq!(audit::verify(&t.db).await.unwrap().problem, None);
}

async fn audit_filters(t: &TestDb) {
    let org = seed_org(&t.db).await;
    let mut tx = t.db.begin().await.unwrap();
    audit::append(
        &mut tx,
        NOW,
        &Actor::user(1, "a@x.org"),
        &Event::new(Some(org), "location.create", "location", 1),
    )
    .await
    .unwrap();
    audit::append(
        &mut tx,
        NOW + 5,
        &Actor::user(2, "b@x.org"),
        &Event::new(Some(org), "user.invite", "invitation", 1),
    )
    .await
    .unwrap();
    audit::append(
        &mut tx,
        NOW + 9,
        &Actor::user(1, "a@x.org"),
        &Event::new(Some(org), "location.rename", "location", 1),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    let base = audit::Filter {
        org_id: org,
        ..Default::default()
    };
    let all = audit::list(&mut c, &base, 10, None).await.unwrap();
    assert_eq!(all.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![3, 2, 1]);
    let f = audit::Filter {
        action: Some("location.".into()),
        ..base.clone()
    };
    assert_eq!(audit::list(&mut c, &f, 10, None).await.unwrap().len(), 2);
    let f = audit::Filter {
        actor: Some("b@x.org".into()),
        ..base.clone()
    };
    assert_eq!(
        audit::list(&mut c, &f, 10, None).await.unwrap()[0].action,
        "user.invite"
    );
    let f = audit::Filter {
        from_ms: Some(NOW + 1),
        until_ms: Some(NOW + 9),
        ..base.clone()
    };
    assert_eq!(audit::list(&mut c, &f, 10, None).await.unwrap().len(), 1);
    assert_eq!(
        audit::list(&mut c, &base, 10, Some(2)).await.unwrap().len(),
        1
    );
    assert_eq!(
        audit::actions(&mut c, org).await.unwrap(),
        vec!["location.create", "location.rename", "user.invite"]
    );
}

async fn duplicate_location_is_a_conflict(t: &TestDb) {
    let org = seed_org(&t.db).await;
    let mut tx = t.db.begin().await.unwrap();
    orgs::create_location(&mut tx, org, "Bhopal", NOW)
        .await
        .unwrap();
    let err = orgs::create_location(&mut tx, org, "BHOPAL", NOW)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
}

async fn sessions_end_when_user_deactivated(t: &TestDb) {
    let org = seed_org(&t.db).await;
    let mut tx = t.db.begin().await.unwrap();
    let u = users::create(&mut tx, "a@x.org", "A", Some("h"), NOW)
        .await
        .unwrap();
    users::add_membership(&mut tx, u, org, "author", NOW)
        .await
        .unwrap();
    sessions::create(&mut tx, "s1", u, org, "csrf", NOW, NOW + 1000)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    let s = sessions::lookup(&mut c, "s1", NOW).await.unwrap().unwrap();
    assert_eq!((s.role.as_str(), s.user_id), ("author", u));
    assert!(
        sessions::lookup(&mut c, "s1", NOW + 1000)
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
    drop(c);
    let mut tx = t.db.begin().await.unwrap();
    users::set_active(&mut tx, u, false).await.unwrap();
    tx.commit().await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    assert!(sessions::lookup(&mut c, "s1", NOW).await.unwrap().is_none());
}

async fn api_tokens_revoke(t: &TestDb) {
    let org = seed_org(&t.db).await;
    let mut tx = t.db.begin().await.unwrap();
    let u = users::create(&mut tx, "a@x.org", "A", None, NOW)
        .await
        .unwrap();
    users::add_membership(&mut tx, u, org, "analyst", NOW)
        .await
        .unwrap();
    let id = tokens::create(&mut tx, u, org, "ci", "bst_ab", "hash1", NOW)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    assert_eq!(
        tokens::lookup(&mut c, "hash1").await.unwrap().unwrap().role,
        "analyst"
    );
    drop(c);
    let mut tx = t.db.begin().await.unwrap();
    assert_eq!(
        tokens::revoke(&mut tx, u + 1, id, NOW).await.unwrap(),
        0,
        "not theirs"
    );
    assert_eq!(tokens::revoke(&mut tx, u, id, NOW).await.unwrap(), 1);
    tx.commit().await.unwrap();
    let mut c = t.db.conn().await.unwrap();
    assert!(tokens::lookup(&mut c, "hash1").await.unwrap().is_none());
}

async fn throttle_locks_after_limit(t: &TestDb) {
    let limits = throttle::Limits {
        max_failures: 3,
        window_ms: 60_000,
        lock_ms: 300_000,
    };
    let key = "account:a@x.org";
    for i in 0..2 {
        let mut tx = t.db.begin().await.unwrap();
        assert_eq!(
            throttle::record_failure(&mut tx, key, NOW + i, limits)
                .await
                .unwrap(),
            None
        );
        tx.commit().await.unwrap();
    }
    let mut tx = t.db.begin().await.unwrap();
    let until = throttle::record_failure(&mut tx, key, NOW + 2, limits)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(until, Some(NOW + 2 + 300_000));
    let mut c = t.db.conn().await.unwrap();
    assert!(throttle::locked_until(&mut c, key, NOW + 10)
        .await
        .unwrap()
        .is_some());
    assert!(throttle::locked_until(&mut c, key, NOW + 400_000)
        .await
        .unwrap()
        .is_none());
    // Failures outside the window start a new count.
    drop(c);
    let mut tx = t.db.begin().await.unwrap();
    assert_eq!(
        throttle::record_failure(&mut tx, "addr:1", NOW, limits)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        throttle::record_failure(&mut tx, "addr:1", NOW + 1, limits)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        throttle::record_failure(&mut tx, "addr:1", NOW + 120_000, limits)
            .await
            .unwrap(),
        None
    );
    tx.commit().await.unwrap();
}

/// Tables, columns and nullability must be the same on both backends.
async fn schema_shape(db: &Db) -> BTreeSet<(String, String, bool)> {
    let rows: Vec<(String, String, bool)> = match db {
        Db::Sqlite(d) => sqlx::query_as(
            "SELECT m.name, c.name, c.\"notnull\" = 0 AND c.pk = 0
             FROM sqlite_master m JOIN pragma_table_info(m.name) c
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
        )
        .fetch_all(&**d)
        .await
        .unwrap(),
        Db::Postgres(p) => sqlx::query_as(
            "SELECT table_name::text, column_name::text, is_nullable = 'YES'
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
        )
        .fetch_all(p)
        .await
        .unwrap(),
    };
    rows.into_iter().collect()
}

#[tokio::test]
async fn schemas_match_on_both_backends() {
    let Some(sq) = TestDb::fresh(Backend::Sqlite).await else {
        return;
    };
    let Some(pg) = TestDb::fresh(Backend::Postgres).await else {
        sq.finish("schemas_match::sqlite").await;
        return;
    };
    let a = schema_shape(&sq.db).await;
    let b = schema_shape(&pg.db).await;
    let only_sqlite: Vec<_> = a.difference(&b).collect();
    let only_pg: Vec<_> = b.difference(&a).collect();
    assert!(
        only_sqlite.is_empty() && only_pg.is_empty(),
        "schema drift\nonly in SQLite: {only_sqlite:?}\nonly in PostgreSQL: {only_pg:?}"
    );
    assert!(
        a.len() > 40,
        "expected the foundation tables, got {}",
        a.len()
    );
    sq.finish("schemas_match::sqlite").await;
    pg.finish("schemas_match::postgres").await;
}

#[tokio::test]
async fn unknown_url_scheme_is_a_clear_error() {
    let err = Db::connect("mysql://localhost/x").await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "unsupported database URL scheme in \"mysql\": use sqlite://PATH or postgres://USER@HOST/DB"
    );
}

#[tokio::test]
async fn sqlite_backup_is_a_consistent_copy() {
    let t = TestDb::fresh(Backend::Sqlite).await.unwrap();
    let org = seed_org(&t.db).await;
    append_n(&t.db, org, 5).await;
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("copy.db");
    let size = store::backup::sqlite_backup(&t.db, &dest).await.unwrap();
    assert!(size > 0);
    let copy = Db::connect(&format!("sqlite://{}", dest.display()))
        .await
        .unwrap();
    let r = audit::verify(&copy).await.unwrap();
    assert_eq!((r.problem, r.checked), (None, 5));
    let again = store::backup::sqlite_backup(&t.db, &dest)
        .await
        .unwrap_err();
    assert!(again.to_string().contains("already exists"));
    t.finish("sqlite_backup").await;
}

on_both_backends!(
    audit_chain_verifies,
    audit_log_is_append_only,
    altered_audit_entry_is_caught,
    deleted_audit_entry_is_caught,
    truncated_audit_tail_is_caught,
    concurrent_appends_keep_one_chain,
    audit_action_rolls_back_with_change,
    audit_filters,
    duplicate_location_is_a_conflict,
    sessions_end_when_user_deactivated,
    api_tokens_revoke,
    throttle_locks_after_limit,
);
