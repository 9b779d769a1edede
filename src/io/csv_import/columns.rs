//! What the columns of a known export mean: the export recognised from its
//! header ([`Preset`]) and each header's lead field ([`Target`]).
//!
//! Headers are compared folded (lower case, `_`/`-`/`.` as spaces, runs of
//! spaces as one), so `Lead Source`, `lead_source` and `LEAD SOURCE` are one
//! header. Salesforce's API names (`LeadSource`, `MobilePhone`) are matched
//! as written, folded to lower case. The names come from the vendors'
//! documented exports:
//! - Meta Lead Ads (Business Suite / Ads Manager download, and the Google
//!   Sheets integration): `created_time`, `ad_name`, `campaign_name`,
//!   `form_name`, `platform`, `full_name`, `first_name`, `last_name`,
//!   `phone_number`, `email`, `work_email`, `work_phone_number`,
//!   `company_name`, `lead_status`;
//! - HubSpot contacts: `First Name`, `Last Name`, `Email`, `Phone Number`,
//!   `Mobile Phone Number`, `Create Date`, `Contact owner`, `Lead Status`,
//!   `Lifecycle Stage`, `Original Source`, `Company Name`, `Country/Region`,
//!   `Record ID`; exports through the API or a Sheets sync use the
//!   properties' internal names (`firstname`, `lastname`, `mobilephone`,
//!   `country`, `hubspot_owner_id` — a number —, `hs_lead_status`,
//!   `lifecyclestage`, `createdate`, `hs_object_id`);
//! - Pipedrive leads and people: `Person - Name`, `Person - First name`,
//!   `Person - Last name`, `Person - Email` (`- Work`, `- Home`, `- Other`),
//!   `Person - Phone` (`- Mobile`, `- Work`, `- Home`, `- Other`),
//!   `Person - Country of Postal address`, `Person - Person created`,
//!   `Person - Owner`, `Person - Organization`, `Organization - Name`;
//!   `Lead - Title`, `Lead - Owner`, `Lead - Source`, `Lead - Contact
//!   person` (the name), `Lead - Organization`, `Lead - Value` and `Lead - Currency of Value`,
//!   `Lead - Lead created` (`Lead - Lead created on` in newer exports), and
//!   deals' `Deal - Contact person`, `Deal - Value`, `Deal - Currency of
//!   Value`, `Deal - Deal created`;
//! - Zoho CRM leads: `First Name`, `Last Name`, `Email`, `Phone`, `Mobile`,
//!   `Lead Source`, `Lead Status`, `Lead Owner`, `Company`, `Created Time`;
//! - Salesforce reports (`Lead Source`, `Lead Status`, `Lead Owner`,
//!   `Create Date`) and Data Export / API names (`FirstName`, `LastName`,
//!   `Email`, `Phone`, `MobilePhone`, `LeadSource`, `Status`, `OwnerId`,
//!   `Company`, `Country`, `CountryCode`, `CreatedDate`).
//!
//! A country column (`Country`, HubSpot's `Country/Region`, Pipedrive's
//! `Person - Country of Postal address`, `quốc gia`) gives each row's
//! country for its phone numbers.

use super::{Preset, Target};

/// A header folded for comparison.
pub(super) fn norm(h: &str) -> String {
    let lower = h.trim().trim_matches('"').to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| if matches!(c, '_' | '.') { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The export a header row comes from.
pub(super) fn detect_preset(headers: &[String]) -> Option<Preset> {
    let folded: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    let has = |name: &str| folded.iter().any(|h| h == name);
    let starts = |prefix: &str| folded.iter().any(|h| h.starts_with(prefix));
    if has("full name") && (has("phone number") || has("form name") || has("ad name"))
        || has("phone number") && (has("ad name") || has("form name") || has("created time"))
        || has("form id") && has("ad id")
    {
        Some(Preset::MetaLeadAds)
    } else if starts("person - ") || starts("lead - ") || starts("organization - ") {
        Some(Preset::Pipedrive)
    } else if has("original source")
        || has("lifecycle stage")
        || has("lifecyclestage")
        || has("hubspot owner id")
        || has("hs object id")
        || has("record id") && has("create date")
    {
        Some(Preset::HubSpot)
    } else if has("lead source")
        && (has("created time") || has("lead owner") && !has("create date"))
    {
        Some(Preset::Zoho)
    } else if has("leadsource")
        || has("createddate")
        || has("mobilephone")
        || has("lead source")
        || has("lead id")
    {
        Some(Preset::Salesforce)
    } else {
        None
    }
}

/// The lead field a header fills (a custom field of that name otherwise).
pub(super) fn target_for(header: &str) -> Target {
    let h = norm(header);
    match h.as_str() {
        "full name"
        | "name"
        | "họ tên"
        | "họ và tên"
        | "ho ten"
        | "person - name"
        | "lead - contact person"
        | "deal - contact person"
        | "contact person"
        | "contact name"
        | "lead name"
        | "contact" => Target::Name,
        "first name" | "firstname" | "tên" | "given name" | "person - first name" => {
            Target::FirstName
        }
        "last name" | "lastname" | "họ" | "family name" | "surname" | "person - last name" => {
            Target::LastName
        }
        "phone number"
        | "phone"
        | "mobile"
        | "mobile phone"
        | "mobile phone number"
        | "mobilephone"
        | "work phone number"
        | "số điện thoại"
        | "sdt"
        | "sđt"
        | "điện thoại"
        | "person - phone"
        | "person - phone - work"
        | "person - phone - mobile"
        | "person - phone - home"
        | "person - phone - other"
        | "telephone" => Target::Phone,
        "email"
        | "e-mail"
        | "email address"
        | "work email"
        | "person - email"
        | "person - email - work"
        | "person - email - home"
        | "person - email - other" => Target::Email,
        "source" | "lead source" | "leadsource" | "original source" | "nguồn" | "lead - source"
        | "platform source" => Target::Source,
        "campaign name" | "campaign" | "utm campaign" | "chiến dịch" => Target::Campaign,
        "created time"
        | "create date"
        | "created date"
        | "createddate"
        | "created at"
        | "created"
        | "lead - created"
        | "lead - lead created"
        | "lead - lead created on"
        | "lead created"
        | "lead created on"
        | "person - created"
        | "person - person created"
        | "person created"
        | "deal - deal created"
        | "createdate"
        | "ngày tạo"
        | "date created" => Target::Created,
        "lead status" | "status" | "lead - status" | "lifecycle stage" | "lifecyclestage"
        | "hs lead status" | "trạng thái" | "giai đoạn" | "stage" => Target::Status,
        "contact owner"
        | "lead owner"
        | "owner"
        | "ownerid"
        | "owner id"
        | "hubspot owner id"
        | "owner name"
        | "lead - owner"
        | "person - owner"
        | "người phụ trách"
        | "sales rep" => Target::Owner,
        "company"
        | "company name"
        | "company / account"
        | "organization - name"
        | "person - organization"
        | "lead - organization"
        | "deal - organization"
        | "account name"
        | "công ty" => Target::Company,
        "priority" | "ưu tiên" => Target::Priority,
        "value (vnd)" | "deal value (vnd)" | "value" | "deal value" | "lead - value"
        | "deal - value" | "giá trị" | "giá trị (vnd)" => Target::Value,
        "currency"
        | "currency of value"
        | "lead - currency of value"
        | "deal - currency of value"
        | "tiền tệ" => Target::Currency,
        "country"
        | "country/region"
        | "country / region"
        | "country or region"
        | "countrycode"
        | "country code"
        | "mailing country"
        | "person - country of postal address"
        | "quốc gia"
        | "nước" => Target::Country,
        "closed as" | "đóng là" => Target::ClosedAs,
        "reason" | "lost reason" | "closed reason" | "junk reason" | "lý do" => Target::Reason,
        "csat" => Target::Csat,
        _ => Target::Custom(header.trim().to_owned()),
    }
}
