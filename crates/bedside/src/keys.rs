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
    let db = crate::serve::open_db(cfg).await?;
    let n = service::connections::reseal_all(&db, &from, &to)
        .await
        .context("re-sealing failed; nothing was changed")?;
    db.close().await;
    let retired = sibling(path, &format!(".retired-{}", from.key_id()));
    std::fs::rename(path, &retired)
        .with_context(|| format!("cannot move the old key to {}", retired.display()))?;
    std::fs::rename(&next_path, path)
        .with_context(|| format!("cannot move the new key to {}", path.display()))?;
    println!("Re-sealed {n} secret(s) under key {}. The old key is kept as {} (running instances may still seal with it until restarted); delete it once every instance has restarted and `bedside keys rotate` has run again.", to.key_id(), retired.display());
    Ok(())
}
