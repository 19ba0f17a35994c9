//! Where a request goes: built from its operation's endpoints ([`Client::call`]), or given
//! whole and checked against them ([`Client::request`], `get`, `post`, ...).
//!
//! [`Client::call`]: super::Client::call
//! [`Client::request`]: super::Client::request

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;

use super::endpoint_error::EndpointError;
use crate::endpoint::{Segment, segments};
use crate::{Endpoint, Operation};

/// A path parameter's value keeps only RFC 3986's unreserved characters as they are, so that
/// a value holding `/`, `?`, `#`, `%` or a space stays one segment of the path.
const PATH_PARAM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A request's method and path, as the caller gave them.
pub(crate) enum Target {
    /// Given whole: checked against the operation's endpoints when it is sent.
    Path { method: Method, path: String },
    /// To build from one of the operation's endpoints.
    Endpoint(Build),
}

/// What [`Client::call`](super::Client::call)'s request says about its endpoint.
#[derive(Default)]
pub(crate) struct Build {
    /// The endpoint named with `.endpoint(method, template)`.
    pub chosen: Option<(crate::Method, String)>,
    /// Whether `.master_account(id)` asked for the master-account variant.
    pub master_account: bool,
    /// Each parameter's name and percent-encoded value, in the order given (a later value for
    /// a name replaces an earlier one).
    pub params: Vec<(String, String)>,
}

/// Where a request goes.
pub(crate) struct Resolved {
    pub method: Method,
    /// Relative to the API base; the query string of a path given whole stays in it.
    pub path: String,
    /// The endpoint, unless the operation has none (its path is then not checked).
    pub endpoint: Option<Endpoint>,
}

impl Target {
    /// The method, path and endpoint of a request performing `operation`, or why it is not
    /// one of the operation's endpoints.
    pub fn resolve(self, operation: &'static Operation) -> Result<Resolved, EndpointError> {
        match self {
            Target::Path { method, path } => check_path(operation, method, path),
            Target::Endpoint(build) => build.resolve(operation),
        }
    }
}

impl Build {
    /// Adds a path parameter, percent-encoded.
    pub fn param(&mut self, name: String, value: &str) {
        self.params
            .push((name, utf8_percent_encode(value, PATH_PARAM).to_string()));
    }

    fn resolve(self, operation: &'static Operation) -> Result<Resolved, EndpointError> {
        let endpoint = self.endpoint(operation)?;
        Ok(Resolved {
            method: http_method(endpoint.method()),
            path: self.fill(endpoint)?,
            endpoint: Some(endpoint),
        })
    }

    /// The endpoint chosen, or the operation's one, then its master-account variant when
    /// asked for.
    fn endpoint(&self, operation: &'static Operation) -> Result<Endpoint, EndpointError> {
        let chosen = match &self.chosen {
            Some((method, template)) => operation
                .endpoints()
                .find(|e| e.method() == *method && e.path() == template)
                .ok_or_else(|| EndpointError::NotItsEndpoint {
                    method: *method,
                    template: template.clone(),
                    endpoints: operation.endpoints().collect(),
                })?,
            None => only_endpoint(operation)?,
        };
        if !self.master_account {
            return Ok(chosen);
        }
        chosen
            .master_variant()
            .filter(|variant| operation.endpoints().any(|e| e == *variant))
            .ok_or(EndpointError::NoMasterAccountVariant { endpoint: chosen })
    }

    /// The endpoint's template with its parameters filled in.
    fn fill(&self, endpoint: Endpoint) -> Result<String, EndpointError> {
        if let Some((name, _)) = self
            .params
            .iter()
            .find(|(name, _)| !endpoint.path_params().any(|p| p == name))
        {
            return Err(EndpointError::UnknownPathParam {
                endpoint,
                name: name.clone(),
            });
        }
        let mut path = String::with_capacity(endpoint.path().len() + 32);
        for segment in segments(endpoint.path()) {
            path.push('/');
            match segment {
                Segment::Literal(literal) => path.push_str(literal),
                Segment::Param(name) => path.push_str(self.value(endpoint, name)?),
            }
        }
        Ok(path)
    }

    /// The encoded value given last for the parameter `name`.
    fn value(&self, endpoint: Endpoint, name: &'static str) -> Result<&str, EndpointError> {
        match self.params.iter().rev().find(|(given, _)| given == name) {
            None => Err(EndpointError::MissingPathParam { endpoint, name }),
            Some((_, value)) if value.is_empty() => {
                Err(EndpointError::EmptyPathParam { endpoint, name })
            }
            Some((_, value)) => Ok(value),
        }
    }
}

/// The operation's one regular endpoint, or its one endpoint when Zoom documents it only under
/// `/accounts/{accountId}` (the SIP trunk API's, for one).
fn only_endpoint(operation: &'static Operation) -> Result<Endpoint, EndpointError> {
    let master_only = operation.endpoints().all(|e| e.master_account());
    let candidates = operation
        .endpoints()
        .filter(move |e| master_only || !e.master_account());
    let mut first_two = candidates.clone();
    match (first_two.next(), first_two.next()) {
        (None, _) => Err(EndpointError::NoEndpoint),
        (Some(endpoint), None) => Ok(endpoint),
        (Some(_), Some(_)) => Err(EndpointError::SeveralEndpoints {
            endpoints: candidates.collect(),
        }),
    }
}

/// A method and path given whole must go to one of the operation's endpoints (as
/// [`Endpoint::resolve`] routes it). Not checked for an operation without endpoints, nor for a
/// path that is not relative to the API base, which sending refuses anyway.
fn check_path(
    operation: &'static Operation,
    method: Method,
    path: String,
) -> Result<Resolved, EndpointError> {
    let bare = path.split_once('?').map_or(path.as_str(), |(bare, _)| bare);
    if operation.endpoints().len() == 0 || !bare.starts_with('/') {
        return Ok(Resolved {
            method,
            path,
            endpoint: None,
        });
    }
    let goes_to = catalogue_method(&method).and_then(|m| Endpoint::resolve(m, bare));
    match goes_to {
        Some(endpoint) if operation.endpoints().any(|e| e == endpoint) => Ok(Resolved {
            method,
            path,
            endpoint: Some(endpoint),
        }),
        _ => Err(EndpointError::NotItsPath {
            method,
            path: bare.to_owned(),
            endpoints: operation.endpoints().collect(),
            goes_to,
        }),
    }
}

/// The catalogue's method for an HTTP method; `None` for those no endpoint has (`HEAD`, ...).
pub(crate) fn catalogue_method(method: &Method) -> Option<crate::Method> {
    crate::Method::ALL
        .into_iter()
        .find(|m| m.as_str() == method.as_str())
}

/// The HTTP method of a catalogue method.
fn http_method(method: crate::Method) -> Method {
    match method {
        crate::Method::Get => Method::GET,
        crate::Method::Post => Method::POST,
        crate::Method::Put => Method::PUT,
        crate::Method::Patch => Method::PATCH,
        crate::Method::Delete => Method::DELETE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation;

    fn built(params: &[(&str, &str)]) -> Build {
        let mut build = Build::default();
        for (name, value) in params {
            build.param((*name).to_owned(), value);
        }
        build
    }

    #[test]
    fn values_keep_only_unreserved_characters() {
        let build = built(&[("userId", "a/b c?d#e%f+g~h.i_j-k")]);
        assert_eq!(build.params[0].1, "a%2Fb%20c%3Fd%23e%25f%2Bg~h.i_j-k");
        assert_eq!(built(&[("userId", "é")]).params[0].1, "%C3%A9");
    }

    #[test]
    fn a_later_value_replaces_an_earlier_one() {
        let build = built(&[("meetingId", "1"), ("meetingId", "2")]);
        let resolved = Target::Endpoint(build)
            .resolve(operation!("Get a meeting"))
            .expect("one endpoint");
        assert_eq!(resolved.path, "/meetings/2");
    }

    #[test]
    fn http_and_catalogue_methods_agree() {
        for method in crate::Method::ALL {
            assert_eq!(catalogue_method(&http_method(method)), Some(method));
        }
        assert_eq!(catalogue_method(&Method::HEAD), None);
    }

    #[test]
    fn a_path_with_a_query_is_checked_without_it() {
        let resolved = Target::Path {
            method: Method::GET,
            path: "/users/me/meetings?type=scheduled".to_owned(),
        }
        .resolve(operation!("List meetings", api = "Meeting"))
        .expect("its endpoint");
        assert_eq!(resolved.path, "/users/me/meetings?type=scheduled");
        assert_eq!(
            resolved.endpoint.map(|e| e.path()),
            Some("/users/{userId}/meetings")
        );
    }

    #[test]
    fn operations_without_endpoints_are_not_checked() {
        let operation = crate::Operation::all()
            .iter()
            .find(|op| op.endpoints().len() == 0)
            .expect("the classic page has titles the reference does not");
        let resolved = Target::Path {
            method: Method::GET,
            path: "/anything".to_owned(),
        }
        .resolve(operation)
        .expect("unchecked");
        assert_eq!(resolved.endpoint, None);
        assert_eq!(
            Target::Endpoint(Build::default()).resolve(operation).err(),
            Some(EndpointError::NoEndpoint)
        );
    }
}
