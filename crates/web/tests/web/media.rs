//! The media library pages: upload (multipart), the OCR finding with its region, alt
//! text, attaching to a post, the stripped file.

use reqwest::StatusCode;

use crate::app_tests;
use crate::support::{TestApp, T0};

const AUTHOR: &str = "author@narmada.example";

app_tests!(
    media_upload_check_describe_attach,
    large_uploads_up_to_the_limit
);

async fn upload(
    app: &TestApp,
    c: &reqwest::Client,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let csrf = app.csrf_from(c, "/media").await;
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf)
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    c.post(app.url("/media"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn media_upload_check_describe_attach(app: &TestApp) {
    let c = app.login(AUTHOR).await;
    let poster = media::testing::text_png(&["FREE BP CHECKS", "EVERY SATURDAY"]);
    // Content that does not match the name: 422, the reason, nothing stored.
    let res = upload(app, &c, "poster.jpg", poster.clone()).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("PNG image but is named .jpg"));
    let res = upload(app, &c, "poster.png", poster).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page_url = res.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = page_url.rsplit('/').next().unwrap().parse().unwrap();
    let page = c
        .get(app.url(&page_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("media-verdict"), "{page}");

    // The whiteboard: its finding and where it is in the image.
    let board = media::testing::text_png(&[
        "PATIENT: REKHA DESAI", // not the demo owner, Asha Verma (staff)
        "DOB 12/03/1961",
        "BED 4 POST-OP DAY 2",
    ]);
    let res = upload(app, &c, "board.png", board).await;
    let board_url = res.headers()["location"].to_str().unwrap().to_string();
    let page = c
        .get(app.url(&board_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let ocr = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok();
    if ocr {
        assert!(page.contains("badge verdict-block"), "{page}");
        assert!(
            page.contains("class=\"finding-region\""),
            "the region is drawn"
        );
    } else {
        eprintln!("SKIPPED OCR assertions: tesseract is not installed");
    }

    // Alt text first, then attach.
    let author = app.actor(AUTHOR).await;
    let post = {
        let sealer = crate::connections::sealer();
        let checker = service::checker::Checker::default();
        let deps = service::posts::Deps {
            db: &app.db.db,
            sealer: &sealer,
            checker: &checker,
        };
        let input = service::posts::PostInput {
            base_text: "Free blood pressure checks every Saturday.".into(),
            pillar: "education".into(),
            ..Default::default()
        };
        service::posts::create(deps, &author, &input, T0)
            .await
            .unwrap()
    };
    let post_s = post.to_string();
    let res = app
        .post_form(&c, &format!("/media/{id}/attach"), &[("post_id", &post_s)])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("is required before this image can be attached"));
    let res = app
        .post_form(
            &c,
            &format!("/media/{id}/describe"),
            &[("alt_text", "Poster: free BP checks"), ("tags", "heart")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form(&c, &format!("/media/{id}/attach"), &[("post_id", &post_s)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let page = c
        .get(app.url(&page_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("/posts/{post}")), "used in the post");
    let list = c
        .get(app.url("/media?q=heart"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("poster.png") && !list.contains("board.png"));
    // The file served is the stripped one.
    let res = c
        .get(app.url(&format!("/media/{id}/file")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "image/png");
    assert!(res.bytes().await.unwrap().starts_with(b"\x89PNG"));
}

/// A valid PNG of `w`×`h` white pixels with uncompressed (stored) deflate blocks, so its
/// size is about 3·w·h bytes.
fn big_png(w: u32, h: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    let mut raw = Vec::with_capacity((w as usize * 3 + 1) * h as usize);
    for _ in 0..h {
        raw.push(0);
        raw.extend(std::iter::repeat_n(255u8, w as usize * 3));
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, b) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = b.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(b);
    }
    let (mut a, mut bsum) = (1u32, 0u32);
    for x in &raw {
        a = (a + u32::from(*x)) % 65_521;
        bsum = (bsum + a) % 65_521;
    }
    z.extend_from_slice(&((bsum << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Uploads are bounded by `max_upload_bytes` (20 MiB here), not by the framework's 2 MB
/// default for multipart bodies; beyond the limit, 413 and nothing stored.
async fn large_uploads_up_to_the_limit(app: &TestApp) {
    let c = app.login(AUTHOR).await;
    let png = big_png(1200, 1000);
    assert!(png.len() > 3_500_000, "{}", png.len());
    let res = upload(app, &c, "hall.png", png).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let res = upload(app, &c, "huge.png", vec![0u8; 21 * 1024 * 1024]).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let mut conn = app.db.db.conn().await.unwrap();
    assert_eq!(
        store::media::search(&mut conn, 1, "", 10)
            .await
            .unwrap()
            .len(),
        1
    );
}
