//! The authorization matrix: every state-changing route of the site and the
//! API, asked by an anonymous visitor, a contributor of another
//! organisation, a contributor of the owner organisation and the
//! Secretariat. Each gets the expected status, and a refusal changes
//! nothing at all.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use catalogue::domain::lifecycle::Action;
use catalogue::domain::{Actor, Listing, Role};
use catalogue::store::Organisation;
use serde_json::{Value, json};

use crate::helpers::{Browser, Captured, TestApp, api, sample, sign_in};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    OtherOrg,
    Owner,
    Secretariat,
}

const EVERYONE: [Who; 4] = [Who::Anonymous, Who::OtherOrg, Who::Owner, Who::Secretariat];

impl Who {
    fn name(self) -> &'static str {
        match self {
            Who::Anonymous => "anonymous",
            Who::OtherOrg => "other",
            Who::Owner => "owner",
            Who::Secretariat => "secretariat",
        }
    }
}

/// The state each actor's own target listing is prepared in.
#[derive(Debug, Clone, Copy)]
enum Prep {
    Published,
    Draft,
    Submitted,
    /// Published, and the people the Secretariat acts on are disabled.
    PublishedPeopleDisabled,
}

/// What an actor gets: a status, or for anonymous visitors of pages for
/// people, a redirect to sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Status(u16),
    SignIn,
}

use Expect::{SignIn, Status};

enum Call {
    Site {
        path: &'static str,
        fields: fn(Who, &str) -> Vec<(String, String)>,
    },
    Api {
        method: &'static str,
        path: &'static str,
        body: fn(&str) -> Option<Value>,
    },
}

struct Route {
    name: &'static str,
    call: Call,
    prep: Prep,
    expect: [Expect; 4],
    /// Whether success changes what is stored.
    writes: bool,
}

fn listing(id: &str, org: &str) -> Listing {
    let mut listing = sample(id);
    listing.provider.id = org.parse_org();
    listing
}

trait ParseOrg {
    fn parse_org(&self) -> catalogue::domain::ProviderId;
}

impl ParseOrg for str {
    fn parse_org(&self) -> catalogue::domain::ProviderId {
        catalogue::domain::ProviderId::parse(self).unwrap()
    }
}

fn target(who: Who) -> String {
    format!("target-{}", who.name())
}

fn form_of(listing: &Listing) -> Vec<(String, String)> {
    let mut fields = vec![
        ("kind".to_owned(), listing.kind.as_str().to_owned()),
        ("delivery".into(), listing.delivery.as_str().into()),
        ("lang".into(), listing.lang.to_string()),
        ("title".into(), format!("{} (revised)", listing.title)),
        ("summary".into(), listing.summary.clone()),
        ("contact-name".into(), listing.contact.name.clone()),
        ("contact-email".into(), listing.contact.email.clone()),
        ("action".into(), "save".into()),
    ];
    fields.extend(
        listing
            .topics
            .iter()
            .map(|t| ("topics".to_owned(), t.to_string())),
    );
    fields.extend(
        listing
            .languages
            .iter()
            .map(|t| ("languages".to_owned(), t.to_string())),
    );
    fields
}

fn none(_: Who, _: &str) -> Vec<(String, String)> {
    Vec::new()
}

fn routes() -> Vec<Route> {
    let owner_only = [SignIn, Status(403), Status(303), Status(303)];
    let secretariat_only = [SignIn, Status(403), Status(403), Status(303)];
    vec![
        Route {
            name: "create a listing (site)",
            call: Call::Site {
                path: "/dashboard/listings/new",
                fields: |who, _| {
                    let mut fields = form_of(&listing(&format!("new-{}", who.name()), "jclec"));
                    fields.push(("org".into(), "jclec".into()));
                    fields.push(("id".into(), format!("new-{}", who.name())));
                    fields
                },
            },
            prep: Prep::Published,
            expect: owner_only,
            writes: true,
        },
        Route {
            name: "edit a listing (site)",
            call: Call::Site {
                path: "/dashboard/listings/{id}",
                fields: |_, id| form_of(&listing(id, "jclec")),
            },
            prep: Prep::Published,
            expect: owner_only,
            writes: true,
        },
        Route {
            name: "submit a draft (site)",
            call: Call::Site {
                path: "/dashboard/listings/{id}/submit",
                fields: none,
            },
            prep: Prep::Draft,
            expect: owner_only,
            writes: true,
        },
        Route {
            name: "withdraw (site)",
            call: Call::Site {
                path: "/dashboard/listings/{id}/withdraw",
                fields: none,
            },
            prep: Prep::Published,
            expect: owner_only,
            writes: true,
        },
        Route {
            name: "confirm (site)",
            call: Call::Site {
                path: "/dashboard/listings/{id}/confirm",
                fields: none,
            },
            prep: Prep::Published,
            expect: owner_only,
            writes: true,
        },
        Route {
            name: "read the history (site)",
            call: Call::Site {
                path: "GET /listings/{id}/history",
                fields: none,
            },
            prep: Prep::Published,
            expect: [SignIn, Status(403), Status(200), Status(200)],
            writes: false,
        },
        Route {
            name: "approve (site)",
            call: Call::Site {
                path: "/review/{id}/approve",
                fields: none,
            },
            prep: Prep::Submitted,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "request changes (site)",
            call: Call::Site {
                path: "/review/{id}/request-changes",
                fields: |_, _| vec![("comment".into(), "Add the dates.".into())],
            },
            prep: Prep::Submitted,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "archive (site)",
            call: Call::Site {
                path: "/review/{id}/archive",
                fields: none,
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "add an organisation",
            call: Call::Site {
                path: "/admin/organisations",
                fields: |who, _| {
                    vec![
                        ("id".into(), format!("org-{}", who.name())),
                        ("name".into(), "New Organisation".into()),
                        ("kind".into(), "academic".into()),
                        ("country".into(), "FJ".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "change an organisation",
            call: Call::Site {
                path: "/admin/organisations/jclec",
                fields: |who, _| {
                    vec![
                        ("name".into(), format!("JCLEC ({})", who.name())),
                        ("kind".into(), "regional-institution".into()),
                        ("country".into(), "ID".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "invite a person",
            call: Call::Site {
                path: "/admin/people",
                fields: |who, _| {
                    vec![
                        ("name".into(), "New Person".into()),
                        ("email".into(), format!("{}@new.example.org", who.name())),
                        ("org".into(), "jclec".into()),
                        ("role".into(), "contributor".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "send a password link",
            call: Call::Site {
                path: "/admin/people/{person}/reset",
                fields: none,
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "disable a person",
            call: Call::Site {
                path: "/admin/people/{person}/disable",
                fields: none,
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "enable a person",
            call: Call::Site {
                path: "/admin/people/{person}/enable",
                fields: none,
            },
            prep: Prep::PublishedPeopleDisabled,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "add a topic",
            call: Call::Site {
                path: "/admin/topics",
                fields: |who, _| {
                    vec![
                        ("slug".into(), format!("topic-{}", who.name())),
                        ("label".into(), "A new topic".into()),
                        ("description".into(), "What belongs under it.".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "edit a topic",
            call: Call::Site {
                path: "/admin/topics/border-management",
                fields: |who, _| {
                    vec![
                        (
                            "label".into(),
                            format!("Border management ({})", who.name()),
                        ),
                        ("description".into(), "Managing borders.".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: secretariat_only,
            writes: true,
        },
        Route {
            name: "change one's own password",
            call: Call::Site {
                path: "/account/password",
                fields: |_, _| {
                    vec![
                        ("current".into(), crate::helpers::PASSWORD.into()),
                        ("password".into(), "another long passphrase".into()),
                        ("confirm".into(), "another long passphrase".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: [SignIn, Status(303), Status(303), Status(303)],
            writes: true,
        },
        Route {
            name: "choose one's own mail and language",
            call: Call::Site {
                path: "/account/settings",
                fields: |_, _| vec![("language".into(), "th".into())],
            },
            prep: Prep::Published,
            expect: [SignIn, Status(303), Status(303), Status(303)],
            writes: true,
        },
        Route {
            name: "send an enquiry",
            call: Call::Site {
                path: "/listings/{id}/enquiry",
                fields: |_, _| {
                    vec![
                        ("name".into(), "Officer".into()),
                        ("email".into(), "officer@example.org".into()),
                        ("message".into(), "When is the next session?".into()),
                    ]
                },
            },
            prep: Prep::Published,
            expect: [Status(303); 4],
            writes: true,
        },
        Route {
            name: "submit a listing (API)",
            call: Call::Api {
                method: "POST",
                path: "/api/v1/listings",
                body: |id| {
                    let mut body =
                        serde_json::to_value(listing(&format!("{id}-api"), "jclec")).unwrap();
                    body["provider"]["id"] = json!("jclec");
                    Some(body)
                },
            },
            prep: Prep::Published,
            expect: [Status(401), Status(403), Status(201), Status(201)],
            writes: true,
        },
        Route {
            name: "revise a listing (API)",
            call: Call::Api {
                method: "PUT",
                path: "/api/v1/listings/{id}",
                body: |id| {
                    let mut revised = listing(id, "jclec");
                    revised.title = "Revised through the API".into();
                    Some(serde_json::to_value(revised).unwrap())
                },
            },
            prep: Prep::Published,
            expect: [Status(401), Status(403), Status(200), Status(200)],
            writes: true,
        },
        Route {
            name: "withdraw or archive (API)",
            call: Call::Api {
                method: "DELETE",
                path: "/api/v1/listings/{id}",
                body: |_| None,
            },
            prep: Prep::Published,
            expect: [Status(401), Status(403), Status(200), Status(200)],
            writes: true,
        },
        Route {
            name: "approve (API)",
            call: Call::Api {
                method: "POST",
                path: "/api/v1/listings/{id}/approve",
                body: |_| None,
            },
            prep: Prep::Submitted,
            expect: [Status(401), Status(403), Status(403), Status(200)],
            writes: true,
        },
        Route {
            name: "request changes (API)",
            call: Call::Api {
                method: "POST",
                path: "/api/v1/listings/{id}/request-changes",
                body: |_| Some(json!({"comment": "Add the dates."})),
            },
            prep: Prep::Submitted,
            expect: [Status(401), Status(403), Status(403), Status(200)],
            writes: true,
        },
        Route {
            name: "read the history (API)",
            call: Call::Api {
                method: "GET",
                path: "/api/v1/listings/{id}/history",
                body: |_| None,
            },
            prep: Prep::Published,
            expect: [Status(401), Status(403), Status(200), Status(200)],
            writes: false,
        },
    ]
}

struct World {
    app: TestApp,
    browsers: Vec<Browser>,
    tokens: Vec<Option<String>>,
    /// Per actor, a person the Secretariat routes act on.
    people: Vec<i64>,
}

async fn world(prep: Prep) -> World {
    let app = TestApp::empty().await;
    let store = &app.catalogue.store;
    for (id, name) in [("jclec", "JCLEC"), ("iom-roap", "IOM Regional Office")] {
        store
            .add_organisation(&Organisation {
                id: id.parse_org(),
                name: name.into(),
                kind: catalogue::domain::ProviderType::InternationalOrganisation,
                country: catalogue::domain::CountryCode::parse("TH").unwrap(),
            })
            .await
            .unwrap();
    }
    app.person("owner@jclec.example.org", Role::Contributor, Some("jclec"))
        .await;
    app.person("other@iom.example.org", Role::Contributor, Some("iom-roap"))
        .await;
    app.person("secretariat@example.org", Role::Secretariat, None)
        .await;
    let operator = Actor::operator();
    let mut people = Vec::new();
    for who in EVERYONE {
        let id = target(who);
        match prep {
            Prep::Published | Prep::PublishedPeopleDisabled => {
                store
                    .publish_listings(&operator, &[listing(&id, "jclec")])
                    .await
                    .unwrap();
            }
            Prep::Draft | Prep::Submitted => {
                let submit = matches!(prep, Prep::Submitted);
                store
                    .write_listing(&operator, listing(&id, "jclec"), submit)
                    .await
                    .unwrap();
            }
        }
        let person = store
            .add_account(
                &format!("person-{}@jclec.example.org", who.name()),
                "Person",
                Role::Contributor,
                Some(&"jclec".parse_org()),
            )
            .await
            .unwrap();
        people.push(person.id);
    }
    if matches!(prep, Prep::PublishedPeopleDisabled) {
        for id in &people {
            store.set_disabled(*id, true).await.unwrap();
        }
    }
    let mut browsers = Vec::new();
    let mut tokens = Vec::new();
    for (who, email) in EVERYONE.into_iter().zip([
        None,
        Some("other@iom.example.org"),
        Some("owner@jclec.example.org"),
        Some("secretariat@example.org"),
    ]) {
        match email {
            Some(email) => {
                browsers.push(sign_in(&app, email).await);
                let account = store.account_by_email(email).await.unwrap().unwrap();
                tokens.push(Some(store.create_api_token(account.id).await.unwrap()));
            }
            None => {
                // A visitor who opened a page with a form, and so holds a
                // form token, but has not signed in.
                let mut browser = Browser::default();
                browser
                    .get(&app, &format!("/listings/{}/enquiry", target(who)))
                    .await;
                if browser.token.is_none() {
                    browser.get(&app, "/sign-in").await;
                }
                browsers.push(browser);
                tokens.push(None);
            }
        }
    }
    World {
        app,
        browsers,
        tokens,
        people,
    }
}

async fn call(
    world: &mut World,
    route: &Route,
    index: usize,
    who: Who,
) -> (StatusCode, Option<String>) {
    let id = target(who);
    let person = world.people[index].to_string();
    let fill = |path: &str| path.replace("{id}", &id).replace("{person}", &person);
    let (status, headers, _) = match &route.call {
        Call::Site { path, fields } => {
            let browser = &mut world.browsers[index];
            if let Some(path) = path.strip_prefix("GET ") {
                browser.get(&world.app, &fill(path)).await
            } else {
                let fields = fields(who, &id);
                let borrowed: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                browser.post(&world.app, &fill(path), &borrowed).await
            }
        }
        Call::Api { method, path, body } => {
            let request: Request<Body> = api(
                method,
                &fill(path),
                world.tokens[index].as_deref(),
                body(&id).as_ref(),
            );
            world.app.request(request).await
        }
    };
    let location = headers
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    (status, location)
}

#[tokio::test]
async fn every_state_changing_route_answers_each_kind_of_person_as_expected() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for route in routes() {
        let mut world = world(route.prep).await;
        for (index, who) in EVERYONE.into_iter().enumerate() {
            let before = world.app.snapshot().await;
            let (status, location) = call(&mut world, &route, index, who).await;
            let after = world.app.snapshot().await;
            let expected = route.expect[index];
            let got = match (status, location.as_deref()) {
                (StatusCode::SEE_OTHER, Some(l)) if l.starts_with("/sign-in") => SignIn,
                (status, _) => Status(status.as_u16()),
            };
            checked += 1;
            if got != expected {
                failures.push(format!(
                    "{} as {}: expected {expected:?}, got {got:?} ({location:?})",
                    route.name,
                    who.name()
                ));
                continue;
            }
            let allowed = matches!(expected, Status(code) if code < 400);
            if !allowed && before != after {
                failures.push(format!(
                    "{} as {}: refused, yet the store changed",
                    route.name,
                    who.name()
                ));
            }
            if allowed && route.writes && before == after {
                failures.push(format!(
                    "{} as {}: allowed, yet nothing changed",
                    route.name,
                    who.name()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(checked, routes().len() * 4);
}

#[tokio::test]
async fn the_lifecycle_refuses_steps_out_of_order() {
    let world = world(Prep::Published).await;
    let store = &world.app.catalogue.store;
    let owner = store
        .account_by_email("owner@jclec.example.org")
        .await
        .unwrap()
        .unwrap()
        .actor();
    let secretariat = store
        .account_by_email("secretariat@example.org")
        .await
        .unwrap()
        .unwrap()
        .actor();
    let id = target(Who::Owner);
    // Nothing waits for review.
    let refused = store
        .act(&secretariat, &id, Action::Approve, None)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("no submitted version"),
        "{refused}"
    );
    let refused = store
        .act(&owner, &id, Action::Submit, None)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("no unsent changes"),
        "{refused}"
    );
    store
        .act(&owner, &id, Action::Withdraw, None)
        .await
        .unwrap();
    let refused = store
        .act(&owner, &id, Action::Withdraw, None)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("already withdrawn"),
        "{refused}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn refusals_are_logged_with_who_asked_for_what() {
    let world = world(Prep::Published).await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // The test's runtime runs every task on this thread, so the
    // subscriber sees the handlers' events.
    let _guard = tracing::subscriber::set_default(subscriber);
    let id = target(Who::Owner);
    let mut other = world.browsers[1].clone();
    let (status, _, _) = other
        .post(
            &world.app,
            &format!("/dashboard/listings/{id}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let token = world.tokens[1].clone();
    let (status, _, _) = world
        .app
        .request(api(
            "DELETE",
            &format!("/api/v1/listings/{id}"),
            token.as_deref(),
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let refusals: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("catalogue::access") && l.contains("refused"))
        .collect();
    assert_eq!(refusals.len(), 2, "{log}");
    assert!(
        refusals[0].contains(&format!("listing=\"{id}\""))
            || refusals[0].contains(&format!("listing={id}")),
        "{log}"
    );
    assert!(
        refusals
            .iter()
            .all(|l| l.contains("iom-roap") || l.contains("other@iom.example.org")),
        "{log}"
    );
}
