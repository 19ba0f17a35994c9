//! Mistakes in `#[app]`: each is one error, and the type still exists.
#[zoom_scopes::app("meeting:write", "meeting:wirte")]
struct Typo;

#[zoom_scopes::app("user:read", 42)]
struct NotAString;

#[zoom_scopes::app()]
struct NoScopes;

#[zoom_scopes::app(manifests)]
struct NotManifest;

#[zoom_scopes::app(manifest, "user:read")]
struct ManifestAndNames;

#[zoom_scopes::app("meeting:write")]
enum NotAStruct {}

#[zoom_scopes::app("meeting:write")]
struct Generic<T>(T);

fn main() {
    let _ = (Typo, NotAString, NoScopes, NotManifest, ManifestAndNames);
    let _ = Generic(1);
    // A type with a wrong declaration raises no second error where it is used.
    typed_sdk::Zoom::<Typo>::default().create_meeting("standup");
}
