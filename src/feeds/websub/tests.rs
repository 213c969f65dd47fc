use super::*;
use hmac::{Hmac, Mac};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_signature_method_is_checked_and_a_wrong_one_refused() {
    let body = b"<feed/>";
    let mut mac = <Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(b"s3cret").unwrap();
    mac.update(body);
    let good = format!("sha256={}", hex(&mac.finalize().into_bytes()));
    assert!(signed("s3cret", Some(&good), body));
    assert!(!signed("other", Some(&good), body));
    assert!(!signed("s3cret", Some(&good), b"<feed>changed</feed>"));
    assert!(!signed("s3cret", None, body));
    assert!(!signed("s3cret", Some("sha256=zz"), body));
    assert!(!signed(
        "s3cret",
        Some(&good.replace("sha256", "md5")),
        body
    ));
    let mut mac = <Hmac<sha1::Sha1> as hmac::digest::KeyInit>::new_from_slice(b"s3cret").unwrap();
    mac.update(body);
    assert!(signed(
        "s3cret",
        Some(&format!("sha1={}", hex(&mac.finalize().into_bytes()))),
        body
    ));
    let mut mac = <Hmac<sha2::Sha512> as hmac::digest::KeyInit>::new_from_slice(b"s3cret").unwrap();
    mac.update(body);
    assert!(signed(
        "s3cret",
        Some(&format!("sha512={}", hex(&mac.finalize().into_bytes()))),
        body
    ));
}
