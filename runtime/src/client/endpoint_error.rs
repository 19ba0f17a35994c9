//! [`EndpointError`]: a request that is not one of its operation's endpoints, found before
//! anything is sent.

use crate::{Endpoint, Method};

/// Why a request could not be matched to, or built from, one of its operation's endpoints
/// ([`Operation::endpoints`](crate::Operation::endpoints)). Carried by
/// [`Error::Endpoint`](super::Error::Endpoint); no request was sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EndpointError {
    /// The operation has no endpoint in Zoom's API reference (a title only the classic-scope
    /// page has), so [`Client::call`](super::Client::call) has nothing to build.
    #[error(
        "Zoom's API reference documents no endpoint for it; send it with \
         Client::request(operation, method, path)"
    )]
    NoEndpoint,

    /// The operation has several regular endpoints and the request did not choose one.
    #[error(
        "it has {} endpoints; choose one with {}: {}",
        .endpoints.len(),
        choose(.endpoints),
        list(.endpoints)
    )]
    SeveralEndpoints {
        /// Its endpoints to choose from (at least two).
        endpoints: Vec<Endpoint>,
    },

    /// [`Request::endpoint`](super::Request::endpoint) named a method and template that are
    /// not one of the operation's endpoints.
    #[error("{method} {template} is not one of its endpoints, which are: {}", list(.endpoints))]
    NotItsEndpoint {
        /// The method named.
        method: Method,
        /// The template named.
        template: String,
        /// Its endpoints.
        endpoints: Vec<Endpoint>,
    },

    /// [`Request::master_account`](super::Request::master_account) asked for the
    /// master-account variant of an endpoint that has none.
    #[error(
        "{endpoint} has no master-account variant (/accounts/{{accountId}}{}); remove \
         .master_account(...)",
        .endpoint.path()
    )]
    NoMasterAccountVariant {
        /// The endpoint without one.
        endpoint: Endpoint,
    },

    /// A path parameter of the endpoint's template was not given.
    #[error("{endpoint} needs the path parameter {name}: add .path_param(\"{name}\", ...)")]
    MissingPathParam {
        /// The endpoint.
        endpoint: Endpoint,
        /// The parameter's name, as the template writes it.
        name: &'static str,
    },

    /// A path parameter was given an empty value, which would make another path.
    #[error("{endpoint}: the path parameter {name} is empty")]
    EmptyPathParam {
        /// The endpoint.
        endpoint: Endpoint,
        /// The parameter's name.
        name: &'static str,
    },

    /// A path parameter was given that the endpoint's template does not have.
    #[error(
        "{endpoint} has no path parameter {name:?}; {}{}",
        params(*.endpoint),
        master_hint(*.endpoint, .name)
    )]
    UnknownPathParam {
        /// The endpoint.
        endpoint: Endpoint,
        /// The name given.
        name: String,
    },

    /// A method and path given whole (`get`, `post`, [`Client::request`](super::Client::request),
    /// ...) that go to none of the operation's endpoints.
    #[error(
        "{method} {path} is not one of its endpoints ({}){}",
        list(.endpoints),
        another(*.goes_to)
    )]
    NotItsPath {
        /// The request's method.
        method: reqwest::Method,
        /// The request's path, without its query string.
        path: String,
        /// The operation's endpoints.
        endpoints: Vec<Endpoint>,
        /// The endpoint of another operation the request would go to, if any.
        goes_to: Option<Endpoint>,
    },
}

/// `GET /a, GET /b`.
fn list(endpoints: &[Endpoint]) -> String {
    endpoints
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `.endpoint(Method::Get, "/a")`, written for the first endpoint.
fn choose(endpoints: &[Endpoint]) -> String {
    endpoints.first().map_or_else(
        || ".endpoint(method, template)".to_owned(),
        |e| format!(".endpoint(Method::{:?}, \"{}\")", e.method(), e.path()),
    )
}

fn params(endpoint: Endpoint) -> String {
    let names: Vec<&str> = endpoint.path_params().collect();
    if names.is_empty() {
        "it has none".to_owned()
    } else {
        format!("its parameters are {}", names.join(", "))
    }
}

/// For `accountId` given to a regular endpoint that has a master-account variant: how to send
/// to the variant.
fn master_hint(endpoint: Endpoint, name: &str) -> &'static str {
    let has_variant = !endpoint.master_account() && endpoint.master_variant().is_some();
    if name == "accountId" && has_variant {
        " (for the master-account variant, call .master_account(id))"
    } else {
        ""
    }
}

fn another(endpoint: Option<Endpoint>) -> String {
    let Some(endpoint) = endpoint else {
        return String::new();
    };
    match endpoint.operation() {
        Some(operation) => format!("; it goes to {endpoint}, which is {operation}"),
        None => format!("; it goes to {endpoint}"),
    }
}
