//! Unguessable values: the tokens in sign-in, join and unsubscribe links, session ids and
//! the server's own key material.

/// 32 random bytes as hex: for links and cookies that act on a person's behalf.
pub fn token() -> String {
    rand::random::<[u8; 32]>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
