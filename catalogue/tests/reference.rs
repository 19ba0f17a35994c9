//! Zoom's API reference as read, against the counts known about it (`api-reference-notes`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use zoom_scopes_catalogue::classic;
use zoom_scopes_catalogue::link::{Rule, link};
use zoom_scopes_catalogue::reference::{Method, RateLimit, Reference, read_dir};
use zoom_scopes_catalogue::scope_name::level_of;
use zoom_scopes_tables::Level;

fn reference() -> Reference {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/api-reference");
    read_dir(&dir).unwrap_or_else(|e| panic!("{e}"))
}

fn count<T: Ord>(items: impl Iterator<Item = T>) -> BTreeMap<T, usize> {
    let mut counts = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
}

#[test]
fn documents_records_and_endpoints() {
    let r = reference();
    assert_eq!(r.documents, 44);
    assert_eq!(r.records.len(), 2_536);
    assert_eq!(r.endpoints.len(), 2_525);
    assert_eq!(r.merged.len(), 11);
    assert_eq!(r.merged.iter().filter(|(_, _, differ)| *differ).count(), 6);
    for (_, path, _) in &r.merged {
        let documents: BTreeSet<&str> = r
            .records
            .iter()
            .filter(|e| &e.path == path)
            .map(|e| e.document.as_str())
            .collect();
        assert!(documents.contains("accounts.json") && documents.contains("accounts-master.json"));
    }
    let methods = count(r.records.iter().map(|e| e.method));
    let expected = [
        (Method::Get, 1_170),
        (Method::Post, 482),
        (Method::Put, 79),
        (Method::Patch, 377),
        (Method::Delete, 428),
    ];
    assert_eq!(methods, BTreeMap::from(expected));
}

#[test]
fn granular_scope_names_and_their_levels() {
    let r = reference();
    let names = r.granular_names();
    assert_eq!(names.len(), 2_599);
    let levels = count(names.iter().map(|n| level_of(n)));
    // The notes count 564 user-level and 1,381 admin-level names: they read `scim2:admin` (two
    // parts, so no resource before the suffix) as user-level. Its suffix says admin, as for
    // every other name, and so does the SCIM2 API, which only admins may call.
    assert!(names.contains("scim2:admin"));
    let expected = [
        (Level::User, 563),
        (Level::Admin, 1_382),
        (Level::Master, 654),
    ];
    assert_eq!(levels, BTreeMap::from(expected));
    // Zoom's white space: trimmed around a name, kept inside one (no token can carry it).
    assert!(names.iter().all(|n| n.trim() == *n));
    assert_eq!(
        r.unspeakable(),
        ["contact_center:write:queue disposition:admin"]
    );
    assert!(
        r.classic_names().contains("division:read:admin"),
        "trimmed from \" division:read:admin\""
    );
}

#[test]
fn classic_names_of_the_reference_and_the_page() {
    let r = reference();
    let page: BTreeSet<&str> = classic().scopes().iter().map(|s| s.name()).collect();
    let used = r.classic_names();
    assert_eq!(used.len(), 460);
    let off_page: Vec<&str> = used.difference(&page).copied().collect();
    // The notes count 18: as written, " division:read:admin" is one more; trimmed, it is the
    // page's `division:read:admin`.
    assert_eq!(off_page.len(), 17, "{off_page:?}");
    for name in ["account:read:master", "user:read:master", "iq_crm:read"] {
        assert!(off_page.contains(&name), "{name}");
    }
}

#[test]
fn records_by_scopes() {
    let r = reference();
    let with_granular = r.records.iter().filter(|e| !e.granular.is_empty()).count();
    assert_eq!(with_granular, 2_406);
    let classic_only = r
        .records
        .iter()
        .filter(|e| e.granular.is_empty() && !e.classic.is_empty())
        .count();
    assert_eq!(classic_only, 46);
    let unscoped = count(
        r.records
            .iter()
            .filter(|e| e.without_scopes())
            .map(|e| e.product.as_str()),
    );
    let expected = [
        ("Cobrowse SDK", 4),
        ("Marketplace", 5),
        ("QSS", 2),
        ("Video SDK", 73),
    ];
    assert_eq!(unscoped, BTreeMap::from(expected));
}

#[test]
fn titles_deprecation_and_rate_limits() {
    let r = reference();
    assert_eq!(r.records.iter().filter(|e| e.deprecated).count(), 81);
    let says = r
        .records
        .iter()
        .filter(|e| e.title.to_lowercase().contains("deprecated"));
    assert_eq!(says.count(), 23);
    // The notes count 1,725 distinct summaries as written; trimmed (as titles are), two of
    // them are one.
    let titles: BTreeSet<&str> = r.records.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles.len(), 1_724);
    // The notes compare the summaries as written: 1,366 are titles of the page and 65 titles
    // of the page have no endpoint. Trimmed, 14 more summaries are titles of the page.
    let page: BTreeSet<&str> = classic().titles().collect();
    assert_eq!(titles.intersection(&page).count(), 1_380);
    assert_eq!(page.difference(&titles).count(), 51);
    let labels = count(r.records.iter().map(|e| e.rate_limit));
    assert_eq!(labels[&None], 38 + 1, "38 without a label, and Zoom's `1`");
    assert_eq!(labels[&Some(RateLimit::Light)], 1_204 + 203);
    assert_eq!(labels[&Some(RateLimit::ResourceIntensive)], 22 + 4);
    let odd: Vec<&str> = r
        .records
        .iter()
        .filter(|e| e.rate_limit.is_none())
        .filter_map(|e| e.rate_limit_text.as_deref())
        .collect();
    assert_eq!(odd, ["1"]);
}

#[test]
fn master_account_variants() {
    let r = reference();
    let master: Vec<_> = r
        .records
        .iter()
        .filter(|e| e.document.ends_with("-master.json"))
        .collect();
    assert_eq!(master.len(), 780);
    assert_eq!(master.iter().filter(|e| e.master_account).count(), 770);
    assert!(
        r.records
            .iter()
            .filter(|e| e.master_account)
            .all(|e| e.path.starts_with("/accounts/{accountId}"))
    );
}

/// The rules of `zoom_scopes_catalogue::link`, counted. The notes' reading, on the summaries as
/// written and without our rule 0: 1,929 by title, 167 by title and classic scopes, 13
/// ambiguous, 327 new in one group, 83 without a classic scope the page knows, 6 across
/// groups. Trimmed titles match the page more often; rule 0 takes the 84 endpoints no OAuth
/// scope authorises out of the others (13 Video SDK endpoints whose titles are the page's, such
/// as "Create a session", would otherwise be Zoom Events' operations).
#[test]
fn linking_to_the_page() {
    let c = classic();
    let r = reference();
    let linked = link(c, &r);
    let counts = [
        (Rule::WithoutScopes, 84, 46),
        (Rule::Title, 1_931, 1_322),
        (Rule::TitleAndScopes, 171, 50),
        (Rule::Ambiguous, 11, 11),
        (Rule::NewInOneGroup, 310, 293),
        (Rule::NewWithoutClassic, 12, 9),
        (Rule::NewAcrossGroups, 6, 6),
    ];
    for (rule, endpoints, titles) in counts {
        assert_eq!(
            (linked.count(rule), linked.new_titles(rule)),
            (endpoints, titles),
            "{rule:?}"
        );
    }
    assert_eq!(
        counts.iter().map(|(_, n, _)| n).sum::<usize>(),
        r.endpoints.len()
    );
    // The page's operations keep their numbers; the new ones follow.
    assert_eq!(linked.operations.len(), 1_846);
    for (op, page) in linked.operations.iter().zip(c.operations()) {
        assert_eq!(
            (op.title.as_str(), op.page),
            (page.title(), Some(page.id()))
        );
    }
    assert!(
        linked.operations[c.operations().len()..]
            .iter()
            .all(|op| op.page.is_none())
    );
    // Three products name no section of the page: Video SDK, Cobrowse SDK and QSS.
    assert_eq!(
        &linked.apis[..c.apis().len()],
        c.apis().iter().map(|g| g.name()).collect::<Vec<_>>()
    );
    assert_eq!(
        linked.apis[c.apis().len()..],
        ["Cobrowse SDK", "QSS", "Video SDK"]
    );
    assert_eq!(linked.granular.len(), 2_599);
    let ambiguous: Vec<&str> = linked.ambiguous().map(|e| e.title.as_str()).collect();
    assert!(
        ambiguous.contains(&"Get meeting recordings"),
        "{ambiguous:?}"
    );
    // Every endpoint of a linked operation is listed by it, and gives it its granular scopes.
    for (at, (endpoint, _, op)) in linked.endpoints.iter().enumerate() {
        let Some(op) = op else { continue };
        let op = &linked.operations[*op];
        assert!(op.endpoints.contains(&at));
        assert_eq!(op.title, endpoint.title);
        for name in &endpoint.granular {
            assert!(
                op.granular
                    .iter()
                    .any(|&g| &linked.granular[g].name == name),
                "{name}"
            );
        }
    }
    let create = &linked.operations[c
        .operations_titled("Create a meeting")
        .next()
        .unwrap()
        .id()
        .index()];
    let names: Vec<&str> = create
        .granular
        .iter()
        .map(|&g| linked.granular[g].name.as_str())
        .collect();
    assert!(names.contains(&"meeting:write:meeting"), "{names:?}");
}
