//! Organisations, people and API tokens, as an operator adds them.

use anyhow::bail;

use super::{OrgCommand, TokenCommand, UserCommand};
use crate::app::{self, Catalogue};
use crate::config::Paths;
use crate::domain::{EntryError, NewPerson};
use crate::store::{LinkPurpose, Organisation};
use crate::web;

/// The problems found in what was given, one a line, each under the flag
/// that gave the value.
fn flag_errors(found: Vec<EntryError>) -> anyhow::Error {
    let lines: Vec<String> = found
        .iter()
        .map(|e| {
            let flag = match e.field {
                "kind" => "type",
                other => other,
            };
            format!("--{flag}: {}", e.problem)
        })
        .collect();
    anyhow::anyhow!(lines.join("\n"))
}

pub(super) async fn org(paths: &Paths, command: OrgCommand) -> anyhow::Result<()> {
    let OrgCommand::Add {
        id,
        name,
        kind,
        country,
    } = command;
    let org = Organisation::parse(&id, &name, &kind, &country).map_err(flag_errors)?;
    let catalogue = Catalogue::open(paths).await?;
    catalogue.store.add_organisation(&org).await?;
    println!("added the organisation {} ({})", org.name, org.id);
    Ok(())
}

pub(super) async fn user(
    paths: &Paths,
    public_url: &url::Url,
    command: UserCommand,
) -> anyhow::Result<()> {
    let UserCommand::Add {
        email,
        name,
        org,
        role,
    } = command;
    let NewPerson {
        email,
        name,
        role,
        org,
    } = NewPerson::parse(&email, &name, &role, org.as_deref().unwrap_or_default())
        .map_err(flag_errors)?;
    let catalogue = Catalogue::open(paths).await?;
    let account = catalogue
        .store
        .add_account(&email, &name, role, org.as_ref())
        .await?;
    let settings = web::Settings::new(public_url.clone());
    let link_for = |secret: &str| settings.link(&web::paths::link(secret));
    let link =
        app::mail::send_link(&catalogue.store, &account, LinkPurpose::Invite, link_for).await?;
    println!(
        "added {} <{}> as {}; the invitation (valid for 7 days, once) is queued in the outbox.\nInvitation link: {link}",
        account.name, account.email, account.role
    );
    Ok(())
}

pub(super) async fn token(paths: &Paths, command: TokenCommand) -> anyhow::Result<()> {
    let TokenCommand::Create { email } = command;
    let catalogue = Catalogue::open(paths).await?;
    let Some(account) = catalogue.store.account_by_email(&email).await? else {
        bail!("no account has the e-mail address {email}; add it with `catalogue user add`");
    };
    if account.disabled {
        bail!("the account of {email} is disabled");
    }
    let token = catalogue.store.create_api_token(account.id).await?;
    eprintln!(
        "API token for {} <{}> ({}); it is shown only now, so store it safely:",
        account.name, account.email, account.role
    );
    println!("{token}");
    Ok(())
}
