//! The recipient of an assertion, never named: a random salt and `sha256$` + the hex
//! digest of the email followed by the salt, which anyone holding the email can check.

use sha2::{Digest, Sha256};

/// A fresh random salt (128 bits, hex).
pub fn new_salt() -> String {
    hex(&rand::random::<[u8; 16]>())
}

/// A fresh random opaque id for an assertion's address (128 bits, hex).
pub fn new_public_id() -> String {
    hex(&rand::random::<[u8; 16]>())
}

/// The hashed identity of `email` with `salt`, as Open Badges 2.0 writes it.
pub fn identity(email: &str, salt: &str) -> String {
    let digest = Sha256::digest(format!("{email}{salt}").as_bytes());
    format!("sha256${}", hex(&digest))
}

/// Whether `identity` (with `salt`) stands for `email`.
pub fn matches(identity_hash: &str, salt: &str, email: &str) -> bool {
    identity(email, salt) == identity_hash
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sha256_of_the_email_then_the_salt() {
        // echo -n 'ada@example.orgdeadbeef' | sha256sum
        let expected = "sha256$de98540c843f1128610e8935f43437d306b92bfbfd816740901d342b6375a518";
        assert_eq!(identity("ada@example.org", "deadbeef"), expected);
        assert!(matches(expected, "deadbeef", "ada@example.org"));
        assert!(!matches(expected, "deadbeef", "bob@example.org"));
        assert!(!matches(expected, "cafe", "ada@example.org"));
    }

    #[test]
    fn salts_and_ids_are_random_and_opaque() {
        let (a, b) = (new_salt(), new_salt());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(new_public_id().chars().all(|c| c.is_ascii_hexdigit()));
    }
}
