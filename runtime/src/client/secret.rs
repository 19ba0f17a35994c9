//! Secrets: the OAuth client secret and tokens, which never print.
//!
//! Each type keeps its text in memory that is wiped when dropped, prints as `ClientSecret(***)`
//! in `Debug` and `***` in `Display`, and hands its value out only through an explicitly named
//! `expose_secret()`, so a secret reaches a log only when someone writes that word. They
//! deserialize (from a token response) but do not serialize.

use std::fmt;

use zeroize::Zeroizing;

macro_rules! secret_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(Zeroizing<String>);

        impl $name {
            /// Wraps a secret value.
            pub fn new(value: impl Into<String>) -> Self {
                $name(Zeroizing::new(value.into()))
            }

            /// The secret itself. Only for putting it where it belongs (an HTTP header, a
            /// secrets store); never format it into a message.
            pub fn expose_secret(&self) -> &str {
                &self.0
            }

            /// Whether the value is empty (a configuration mistake worth reporting early).
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name::new(value)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::new(value)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(***)"))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map($name::new)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("***")
            }
        }
    };
}

secret_type! {
    /// The client secret of a Zoom app (Server-to-Server OAuth, or a user-level OAuth app that
    /// refreshes tokens).
    ///
    /// ```
    /// use zoom_scopes::client::ClientSecret;
    /// let secret = ClientSecret::new("s3cr3t");
    /// assert_eq!(format!("{secret:?} {secret}"), "ClientSecret(***) ***");
    /// assert_eq!(secret.expose_secret(), "s3cr3t");
    /// ```
    ClientSecret
}

secret_type! {
    /// An OAuth access token, sent as `Authorization: Bearer ...`.
    AccessToken
}

secret_type! {
    /// An OAuth refresh token, exchanged for a new access token with the `refresh_token` grant.
    RefreshToken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_format() {
        let values = ["hunter2-client-secret", "eyJ-access", "refresh-xyz"];
        let formatted = [
            format!(
                "{:?} {}",
                ClientSecret::new(values[0]),
                ClientSecret::new(values[0])
            ),
            format!(
                "{:?} {}",
                AccessToken::new(values[1]),
                AccessToken::new(values[1])
            ),
            format!(
                "{:#?} {}",
                RefreshToken::new(values[2]),
                RefreshToken::new(values[2])
            ),
        ];
        for (value, text) in values.iter().zip(&formatted) {
            assert!(!text.contains(value), "{text}");
            assert!(text.contains("***"), "{text}");
        }
        assert_eq!(AccessToken::from("a").expose_secret(), "a");
        assert!(RefreshToken::new(String::new()).is_empty());
    }
}
