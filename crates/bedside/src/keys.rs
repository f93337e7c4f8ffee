//! The installation key ring and `bedside keys rotate`.
//!
//! The key file holds the current key. A rotation writes the new key to `<file>.next`,
//! re-seals every secret in the database under it in one transaction, then renames the
//! old file to `<file>.retired-<key id>` and `.next` to the key file. Every start loads the
//! retired keys and a leftover `.next` as well, so a rotation cut off at any point leaves
//! everything readable, and running the command again finishes it.

use std::path::{Path, PathBuf};

use anyhow::Context;
use vault::Sealer;

use crate::config::{load_or_create_secret_key, read_secret_key, write_private, Config};

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Every key file next to the key file: the `.next` of an unfinished rotation and the
/// retired keys.
fn other_keys(path: &Path) -> anyhow::Result<Vec<[u8; 32]>> {
    let mut keys = Vec::new();
    let next = sibling(path, ".next");
    if next.exists() {
        keys.push(read_secret_key(&next)?);
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return Ok(keys);
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{name}.retired-");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
            {
                keys.push(read_secret_key(&e.path())?);
            }
        }
    }
    Ok(keys)
}

/// The sealer `serve` uses: the current key (created on first start) plus any other key
/// that may still have sealed values.
pub fn load_sealer(path: &Path) -> anyhow::Result<Sealer> {
    let current = load_or_create_secret_key(path)?;
    let mut sealer = Sealer::new(&current);
    for k in other_keys(path)? {
        sealer = sealer.with_previous(&k);
    }
    Ok(sealer)
}

/// `bedside keys rotate`: prints how many values were re-sealed.
pub async fn rotate(cfg: &Config) -> anyhow::Result<()> {
    let path = &cfg.secret_key_file;
    if !path.exists() {
        anyhow::bail!("there is no key file at {} to rotate", path.display());
    }
    let db = crate::serve::open_db(cfg).await?;
    let result = rotate_with(&db, path).await;
    db.close().await;
    let (n, key_id, retired) = result?;
    println!(
        "Re-sealed {n} secret(s) under key {key_id}. The old key is kept as {} (instances \
         still running may seal with it until restarted); delete it once every instance has \
         restarted and `bedside keys rotate` has run again.",
        retired.display()
    );
    Ok(())
}

/// The rotation itself: (values re-sealed, new key id, where the old key went).
async fn rotate_with(db: &store::Db, path: &Path) -> anyhow::Result<(usize, String, PathBuf)> {
    let from = load_sealer(path)?;
    let next_path = sibling(path, ".next");
    let next = if next_path.exists() {
        read_secret_key(&next_path)?
    } else {
        let mut k = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut k);
        write_private(&next_path, &hex::encode(k))
            .with_context(|| format!("cannot write {}", next_path.display()))?;
        k
    };
    let to = Sealer::new(&next);
    let n = service::connections::reseal_all(db, &from, &to)
        .await
        .context("re-sealing failed; nothing was changed")?;
    let retired = sibling(path, &format!(".retired-{}", from.key_id()));
    std::fs::rename(path, &retired)
        .with_context(|| format!("cannot move the old key to {}", retired.display()))?;
    std::fs::rename(&next_path, path)
        .with_context(|| format!("cannot move the new key to {}", path.display()))?;
    Ok((n, to.key_id().to_string(), retired))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn rotation_reseals_everything_and_old_values_stay_readable() {
        let dir = tempfile::tempdir().unwrap();
        let key_path = dir.path().join("secret.key");
        let db = store::Db::connect(&format!("sqlite://{}", dir.path().join("b.db").display()))
            .await
            .unwrap();
        db.migrate().await.unwrap();
        let passwords = service::Passwords::new(service::PasswordCost::Low);
        service::demo::seed(&db, &passwords, 1_000).await.unwrap();
        let old = load_sealer(&key_path).unwrap();
        let mut tx = db.begin().await.unwrap();
        let account = store::accounts::create(&mut tx, 1, None, "x", "X", "@x", 1_000)
            .await
            .unwrap();
        let creds = service::connections::Credentials {
            remote_account_id: "42".into(),
            access_token: "tok-123".into(),
            ..Default::default()
        };
        service::connections::save_in(&mut tx, &old, account, &creds, 1_000)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let (n, new_id, retired) = rotate_with(&db, &key_path).await.unwrap();
        assert_eq!(n, 1);
        assert!(retired.exists());
        let ring = load_sealer(&key_path).unwrap();
        assert_eq!(ring.key_id(), new_id);
        assert_ne!(new_id, old.key_id());
        let mut c = db.conn().await.unwrap();
        let (sealed, _) = store::credentials::load(&mut c, account)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(Sealer::key_id_of(&sealed), Some(new_id.as_str()));
        drop(c);
        let opened = service::connections::load(&db, &ring, account)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(opened, creds);
        // A value sealed under the old key by an instance not yet restarted still opens.
        assert_eq!(ring.open(&old.seal("late")).unwrap(), "late");
        // Running it again rotates again and re-seals the one value.
        assert_eq!(rotate_with(&db, &key_path).await.unwrap().0, 1);
    }
}
