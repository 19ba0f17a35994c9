//! Which route a request goes to: the token endpoint, or the catalogue endpoint its method and
//! path resolve to, with the path parameters.

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

use super::Route;
use crate::client::target::catalogue_method;

/// Where the API's endpoints are, as on `api.zoom.us`.
const API_BASE: &str = "/v2";

/// A request matched to a route.
pub(crate) enum Matched<'p> {
    Token,
    /// An endpoint, with its path parameters as the path holds them (still percent-encoded).
    Api {
        endpoint: crate::Endpoint,
        params: Vec<(&'static str, &'p str)>,
    },
}

impl Matched<'_> {
    pub fn route(&self) -> Route {
        match self {
            Matched::Token => Route::Token,
            Matched::Api { endpoint, .. } => Route::Api(*endpoint),
        }
    }
}

/// The route of a request, from its method and its path as received (without the query).
pub(crate) fn route<'p>(method: &hyper::Method, path: &'p str) -> Option<Matched<'p>> {
    if path == "/oauth/token" {
        return (*method == hyper::Method::POST).then_some(Matched::Token);
    }
    let method = catalogue_method(method)?;
    // `/v2/users`, not `/v2users`: the rest keeps its leading `/`, as templates have it.
    let rest = path.strip_prefix(API_BASE).filter(|r| r.starts_with('/'))?;
    // Resolved on the encoded path, so an encoded `/` (`%2F`) stays inside its parameter.
    let (endpoint, params) = crate::Endpoint::route(method, rest)?;
    Some(Matched::Api { endpoint, params })
}

/// Path parameters with their values percent-decoded; `Err` with the name of the first that is
/// not UTF-8 once decoded.
pub(crate) fn decode<'p>(
    params: &[(&'static str, &'p str)],
) -> Result<Vec<(&'static str, Cow<'p, str>)>, &'static str> {
    params
        .iter()
        .map(|&(name, value)| {
            percent_decode_str(value)
                .decode_utf8()
                .map(|decoded| (name, decoded))
                .map_err(|_| name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(method: hyper::Method, path: &str) -> Option<(String, Vec<(&str, &str)>)> {
        match route(&method, path)? {
            Matched::Token => Some(("token".to_owned(), Vec::new())),
            Matched::Api { endpoint, params } => Some((endpoint.to_string(), params)),
        }
    }

    #[test]
    fn requests_resolve_to_catalogue_endpoints() {
        assert_eq!(
            resolved(hyper::Method::GET, "/v2/meetings/85746065432"),
            Some((
                "GET /meetings/{meetingId}".to_owned(),
                vec![("meetingId", "85746065432")]
            ))
        );
        assert_eq!(
            resolved(hyper::Method::POST, "/oauth/token"),
            Some(("token".to_owned(), Vec::new()))
        );
        let master = resolved(hyper::Method::GET, "/v2/accounts/a1/users/u1/meetings")
            .expect("the master-account variant");
        assert_eq!(master.1, [("accountId", "a1"), ("userId", "u1")]);
    }

    #[test]
    fn paths_that_are_no_endpoint() {
        for (method, path) in [
            (hyper::Method::GET, "/oauth/token"),
            (hyper::Method::GET, "/v2"),
            (hyper::Method::GET, "/v2/"),
            (hyper::Method::GET, "/v2meetings/1"),
            (hyper::Method::GET, "/meetings/1"),
            (hyper::Method::GET, "/v2/nowhere"),
            (hyper::Method::HEAD, "/v2/meetings/1"),
            (
                hyper::Method::POST,
                "/v2/meetings/1/recordings/nowhere/else",
            ),
        ] {
            assert!(resolved(method.clone(), path).is_none(), "{method} {path}");
        }
    }

    #[test]
    fn parameters_are_decoded() {
        let decoded = decode(&[("userId", "a%2Fb%20c"), ("meetingId", "1")]).expect("UTF-8");
        assert_eq!(
            decoded,
            [("userId", "a/b c".into()), ("meetingId", "1".into())]
        );
        assert_eq!(decode(&[("a", "x"), ("userId", "%FF%FE")]), Err("userId"));
        assert_eq!(
            decode(&[("userId", "100%")]),
            Ok(vec![("userId", "100%".into())])
        );
    }
}
