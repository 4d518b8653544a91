"""The files ``plansite new`` writes, with every field explained for someone new to YAML.

Conventions the comments teach, and that tests rely on:

- a line starting ``##`` explains; the website never reads it;
- a line starting ``#`` and one space (possibly indented) is an example switched off: deleting
  the ``# `` makes it data, already indented where it belongs;
- a required list written ``key: []`` has its example items under it: change ``[]`` to nothing
  and switch the items on.

Words between ``@`` signs are filled in by ``plansite.scaffold``.
"""

from __future__ import annotations

HOW_TO = """\
## HOW TO EDIT THIS FILE
## - Lines starting with ## (like this one) explain the file. The website ignores them.
## - Lines starting with one # and a space (sometimes after a few spaces) are examples,
##   switched off. To use one, delete the "# " (the hash and the space after it) from
##   each of its lines, keeping any spaces before it, then change its words to yours.
## - Leave the first line of the file as it is: it tells your editor the rules for this
##   file, so that it can suggest fields and underline mistakes.
## - Each field is written "name: value" on its own line. The spaces at the start of a
##   line show what it belongs to: keep them, and use spaces, never the Tab key.
## - A list is either one item per line, each starting with "- ", or [a, b, c] on one
##   line. [] is an empty list.
## - Put text in "double quotes" if it contains a colon and a space or a #, or starts
##   with [ or { or a quote mark.
## - Dates: 2025-06-30 (a day), 2025-06 (a month), 2025 (a year), 2025/26 (a financial
##   year, 1 April to 31 March), year 2 (the plan's second year) or ongoing.
## - When you have finished, run:   plansite check --partnership @ID@
##   It names every mistake with its line number, and lists what is still missing.
## - The guide for editors (linked from "About this website" at the foot of every
##   page) explains more, and lists every field.
"""

PARTNERSHIP = """\
# yaml-language-server: $schema=../../schema/partnership.schema.json
## YOUR PARTNERSHIP
## Who the partnership is, how people reach it, where it works and who its partners are.
## A filled-in example: data/partnerships/example/partnership.yaml
##
@HOW_TO@
## id (required)
##   The partnership's short name in web addresses. It is the name of this folder and
##   must stay the same. Never change it after publishing: people link to it.
id: @ID@

## name (required)
##   The partnership's full name, as the public knows it.
##   Example: name: Example Community Justice Partnership
name: @NAME@

## short_name (optional)
##   A shorter name, for places where space is tight.
# short_name: Example CJP

## aliases (optional, a list)
##   Other names people use for the partnership.
# aliases: [Example Community Justice Partnership Board]

## area (required)
##   The council area the partnership serves.
area: "[Replace with the council area, for example Fife]"

## local_authority (optional)
##   The id of the council: find it in this folder's organisations.yaml or in the
##   national list, data/organisations.yaml (the "id:" line of the council's entry).
# local_authority: example-council

## community_planning_partnership (optional)
##   The name of the community planning partnership, if it is not the same.
# community_planning_partnership: Example Community Planning Partnership

## summary (optional)
##   What the partnership does, in plain words, shown on the home page. You can use
##   *italics*, **bold**, lists (lines starting "- ") and links: [text](https://...).
##   ">-" after the colon lets the text run over several indented lines.
# summary: >-
#   We bring together the council, health services, the police and local charities
#   to help people who have been in trouble with the law to move on.

## website (optional)
##   The partnership's own website, starting with https://
# website: https://www.example.org/community-justice

## site_url (optional)
##   Where this plan's website will be published, starting with https://. Feeds and
##   the sitemap use it to make full addresses. Ask whoever publishes the site.
# site_url: https://plans.example.org/example/

## chair (optional)
##   Who chairs the partnership. Their name is shown only when public is true.
##     role          their role (required if you give a chair)
##     name          their name
##     organisation  the id of the organisation they work for
##     public        true only if they agreed to be named on the website, else false
# chair:
#   role: Chair of the Community Justice Partnership
#   name: Alex Example
#   organisation: example-council
#   public: true

## contacts (optional, a list)
##   How the public can reach the partnership, shown on the home page. Give at least
##   one: plansite check warns until there is one. Each contact can have:
##     label       what the contact is for
##     phone       digits and spaces, e.g. 01632 960000
##     email       an email address
##     website     a web address starting with https://
##     address     a postal address, on one line
##     hours       when someone is there to answer
##     note        anything else people should know
##     person      a named person, with the same fields as chair above
##     not_stated  true only to say plainly that no contact details are published;
##                 a contact with not_stated: true has no phone, email, website or address
##     not_public  a list of this contact's fields kept in the data folder and never
##                 published anywhere, e.g. [phone, note]; any of: label, person, phone,
##                 email, website, address, hours, note
# contacts:
#   - label: Community justice team
#     phone: 01632 960000
#     email: justice@example.org
#     website: https://www.example.org/community-justice
#     address: Council Offices, 1 High Street, Exampleton EX1 1AA
#     hours: Monday to Friday, 9am to 5pm
#     note: Leave a message and we will call you back.
#     person:
#       role: Community Justice Coordinator
#       name: Sam Example
#       organisation: example-council
#       public: false
#     not_public: [hours]

## alternative_formats (optional, but needed before you publish)
##   How people can get the plan in another format or language.
##     offered    true if you offer other formats, false if you do not (required here)
##     statement  the offer in your own words
##     formats    a list of formats, e.g. [Large print, Easy read, Audio]
##     languages  a list of languages, e.g. [Polish, Arabic]
##     phone      the number to call to ask
##     email      the address to write to
# alternative_formats:
#   offered: true
#   statement: Ask us for this plan in large print, easy read, audio or another language.
#   formats: [Large print, Easy read, Audio]
#   languages: [Polish, Arabic]
#   phone: 01632 960000
#   email: justice@example.org

## accessibility (optional, but needed before you publish)
##   What the website's accessibility statement needs that only you can say.
##     prepared           the day the statement was first prepared, e.g. 2025-04-01
##     reviewed           the day it was last reviewed
##     tested             the day people (not only machines) last tested the website
##     tested_by          who did that test
##     limitations        a list of the parts you know are not fully accessible
##     contact            where to report a problem: the same fields as a contact above
##     reply_within_days  how many working days you take to reply, e.g. 10
# accessibility:
#   prepared: 2025-04-01
#   reviewed: 2025-04-01
#   tested: 2025-03-20
#   tested_by: the communications team, using a screen reader and a keyboard only
#   limitations: [Some charts from the printed plan are described in words only.]
#   contact:
#     label: Accessibility problems and other formats
#     email: justice@example.org
#   reply_within_days: 10

## localities (optional, a list)
##   The parts of the area the plan names, so that services can say where they run.
##     id       a short name for web addresses: lower-case letters, digits and hyphens
##     name     the locality's name
##     summary  a sentence about it
##     places   a list of the towns and areas in it
# localities:
#   - id: north-example
#     name: North Example
#     summary: The towns and villages north of the river.
#     places: [Exampleton, Riverside]

## memberships (optional, a list)
##   The partner organisations, shown on the Partners page. Each has:
##     organisation    the organisation's id, from organisations.yaml (required)
##     role            (required) one of: chair, statutory-partner, core-member,
##                     member, representative, invited, observer, other
##     role_raw        the role in the plan's own words
##     represented_by  which part of the organisation takes part
##     since           when it joined (a date)
##     until           when it left (a date); leave it out while it is a partner
##     note            anything else to say
# memberships:
#   - organisation: police-scotland
#     role: statutory-partner
#     role_raw: Statutory partner
#     represented_by: the local police division
#     since: 2017-04
#     note: Also chairs the data group.
#   - organisation: families-outside
#     role: member
#     since: 2024-05
#     until: 2025-03

## current_plan (optional)
##   The id of the plan the home page presents: the name of its folder in plans/.
current_plan: @PLAN_ID@

## valid_from, valid_to and succeeded_by (optional)
##   For a body that has been abolished or replaced (for example a Community Justice
##   Authority, abolished on 31 March 2017). Once valid_to has passed, every page says the
##   site is an archive, and the home page leads with the plan instead of "find help".
##   valid_from    when the partnership or body was set up (a date)
##   valid_to      when it ended (a date)
##   succeeded_by  who took on its work: name, and url (where people should go now)
# valid_from: 2006
# valid_to: 2017-03-31
# succeeded_by:
#   name: the community justice partnerships of its council areas
#   url: https://communityjustice.scot/

## branding (optional)
##   logo    the file name of a PNG or JPEG logo saved in this folder, under 500 kB
##   colour  the colour of the page header, written #rrggbb, in quotes. It must be
##           dark enough for white text to be read: plansite check says if it is not.
# branding:
#   logo: logo.png
#   colour: "#1d4f91"

## licence (optional)
##   The licence under which people may reuse the published data.
# licence: Open Government Licence v3.0

## fictional (optional)
##   true only for a made-up example partnership. Leave it out for a real one.
# fictional: false

## notes (optional, a list)
##   Gaps or corrections in the printed plan, said honestly.
# notes:
#   - The printed plan does not say who leads action 3.2.
"""

ORGANISATIONS = """\
# yaml-language-server: $schema=../../schema/local-organisations.schema.json
## LOCAL ORGANISATIONS
## Organisations your partnership works with that are not in the national list,
## data/organisations.yaml. Look there first: Police Scotland, the Scottish Prison
## Service, health boards and many charities are already listed, and their ids can be
## used as they are. An id used here must not be used in the national list.
##
@HOW_TO@
## organisations (required, a list)
##   Each organisation has:
##   id            (required) a short name for web addresses, used wherever the
##                 organisation is named: lower-case letters, digits and hyphens
##   name          (required) its full name today
##   kind          (required) one of: local-authority, council-service, health-board,
##                 health-and-social-care-partnership, integration-joint-board, police,
##                 fire-and-rescue, prison-service, prison, court-service, court,
##                 prosecution, government, national-body, scrutiny-body, skills-agency,
##                 third-sector, third-sector-interface, housing, community-group,
##                 faith-group, education, funder, partnership-body, private, other
##   acronyms      a list of short forms, e.g. [ECC]
##   aliases       a list of other ways plans write its name, e.g. in a "lead" column
##   former_names  a list of names it used to have, each with:
##                   name   the old name
##                   until  when it stopped using it (a date)
##   former_ids    a list of ids it had before, so that old web addresses still work
##   parent        the id of the body it is part of
##   valid_from    when it was set up (a date)
##   valid_to      when it closed (a date)
##   website       its website, starting with https://
##   identifiers   public register numbers, copied from the register, never guessed:
##                   scottish_charity_number  its charity number (OSCR), e.g. SC012345
##                   company_number           its Companies House number
##   summary       one or two sentences about it, in plain words
##   contact       how to reach it, with the same fields as a contact in
##                 partnership.yaml: label, phone, email, website, address, hours,
##                 note, and:
##                   person      a named person: role, name, organisation, public
##                   not_stated  true only to say plainly that no contact details
##                               are published
##                   not_public  a list of the contact's fields never published,
##                               e.g. [phone]
##   fictional     true only for a made-up organisation
##
## To add your first organisation: change "organisations: []" to "organisations:",
## then switch the example on.
organisations: []
#   - id: example-council
#     name: Example Council
#     kind: local-authority
#     acronyms: [ECC]
#     aliases: [Example Council Criminal Justice Social Work]
#     former_names:
#       - name: Example District Council
#         until: 1996-03
#     former_ids: [example-district-council]
#     valid_from: 1996-04
#     website: https://www.example.org/
#     summary: The council for the Example area.
#     contact:
#       label: Council switchboard
#       phone: 01632 960100
#       hours: Monday to Friday, 9am to 5pm
#       note: Ask for the duty social worker.
#       not_public: [note]
#   - id: riverside-families-project
#     name: Riverside Families Project
#     kind: third-sector
#     parent: example-council
#     valid_to: 2030-03
#     identifiers:
#       scottish_charity_number: SC000000
#       company_number: SC000001
#     contact:
#       email: hello@riverside.example.org
#       website: https://riverside.example.org/
#       address: 2 River Road, Exampleton
#       note: Drop in on Tuesdays.
#       person:
#         role: Project manager
#         name: Jo Example
#         organisation: riverside-families-project
#         public: true
#     fictional: true
"""

GLOSSARY = """\
# yaml-language-server: $schema=../../schema/local-glossary.schema.json
## LOCAL GLOSSARY
## Acronyms and terms your plan uses that are not in the national glossary,
## data/glossary.yaml. The website explains them where they appear and on its Glossary
## page. plansite check warns about any acronym that is not explained.
##
@HOW_TO@
## terms (required, a list)
##   Each term has:
##   term              (required) the acronym or word as written, e.g. CJSW
##   expansions        a list of what it stands for; more than one if plans differ
##   definition        what it means, in plain words
##   do_not_expand     true for a name that looks like an acronym but is not one
##   stated_in_source  false if you worked the expansion out yourself instead of
##                     copying it from the plan; true if you leave it out
##   valid_from        when the term came into use (a date): plans that ended before then
##                     do not explain it, e.g. terms made by a later Act
##   valid_to          when it went out of use: plans that began after then do not use it
##
## To add your first term: change "terms: []" to "terms:", then switch the example on.
terms: []
#   - term: CJSW
#     expansions: [Criminal Justice Social Work]
#     definition: The council's social work service for people in the justice system.
#     stated_in_source: true
#   - term: CJP
#     expansions: [Community Justice Partnership]
#     valid_from: 2017-04-01
#   - term: CJA
#     expansions: [Community Justice Authority]
#     valid_from: 2006
#     valid_to: 2017-03-31
#   - term: Sacro
#     do_not_expand: true
#     definition: A Scottish charity that works for safer, more just communities.
"""

SERVICES = """\
# yaml-language-server: $schema=../../schema/services.schema.json
## SERVICES
## The services, projects and groups people can use, shown in the website's "Get help"
## directory. A filled-in example: data/partnerships/example/services.yaml
##
@HOW_TO@
## services (required, a list)
##   Each service has:
##   id             (required) a short name for web addresses: lower-case letters,
##                  digits and hyphens. Not "for", "in" or "help", which the directory
##                  uses. Never change it after publishing (add it to former_ids instead).
##   name           (required) the service's name
##   aliases        a list of other names for it
##   kind           (required) one of: service, project, programme, group, helpline,
##                  facility, initiative, network
##   summary        (required) what it offers, in one or two plain sentences
##   details        more about it; you can use *italics*, **bold**, lists and links
##   audiences      a list of who it is for, as ids from data/taxonomy.yaml (audiences),
##                  e.g. [families, people-leaving-custody]
##   help           a list of the kinds of help it gives, as ids from data/taxonomy.yaml
##                  (help), e.g. [housing, money]
##   eligibility    who can use it:
##                    min_age     the youngest age
##                    max_age     the oldest age
##                    conditions  a list of other conditions, in plain words
##   routes         a list of the ways people get to it, each one of: self-referral,
##                  family-or-friend, court, social-work, police, prison, health,
##                  education, housing, third-sector, professional, other
##   how_to_get_it  how to get it, in plain words
##   localities     a list of locality ids from partnership.yaml where it runs
##   places         a list of named places where it runs
##   area_wide      true if it covers the whole area (or more)
##   providers      a list of the organisations involved, each with:
##                    organisation  the organisation's id
##                    role          one of: provider, lead, partner, funder, host
##                                  (provider if you leave it out)
##   contact        (required) how to reach it, with the same fields as a contact in
##                  partnership.yaml: label, phone, email, website, address, hours,
##                  note, and:
##                    person      a named person: role, name, organisation, public
##                    not_stated  true if the plan gives no contact details at all:
##                                then write only  not_stated: true
##                    not_public  a list of the contact's fields never published,
##                                e.g. [phone, note]
##   status         a list of what happened to it, oldest first; the last is now:
##                    status  one of: planned, pilot, active, paused, closed, unknown
##                    date    when (a date)
##                    note    why, or anything else to say
##   funding        a list of what is known about its money, each with:
##                    status   one of: funded, time-limited, to-be-confirmed,
##                             bid-pending, shortfall, ended, unknown
##                    funders  a list of the funders' organisation ids
##                    raw      what the plan says about funding, word for word
##                    until    when the funding ends (a date)
##                    date     when this was reported (a date)
##   outcomes       a list of ids of the plan's outcomes it helps with (from plan.yaml)
##   frameworks     a list of national outcomes it serves, written "framework:item"
##                  with ids from data/frameworks.yaml
##   former_ids     a list of ids it had before, so that old web addresses still work
##   source         where the facts come from in the printed plan:
##                    section  the section's name
##                    page     the page number
##                    note     what you corrected or worked out, and why
##
## To add your first service: change "services: []" to "services:", then switch the
## example on.
services: []
#   - id: money-advice-clinic
#     name: Money advice clinic
#     aliases: [Money clinic]
#     kind: service
#     summary: Free advice on debt and benefits for people with convictions and their families.
#     details: >-
#       Drop in without an appointment. Bring any letters about money you have had.
#     audiences: [people-with-convictions, families]
#     help: [money, advice]
#     eligibility:
#       min_age: 16
#       max_age: 99
#       conditions: [Lives in the area]
#     routes: [self-referral, social-work]
#     how_to_get_it: Call the clinic or ask your social worker to refer you.
#     localities: [north-example]
#     places: [Exampleton Library]
#     area_wide: false
#     providers:
#       - organisation: citizens-advice-scotland
#         role: provider
#     contact:
#       label: Money advice clinic
#       phone: 01632 960004
#       email: money@example.org
#       website: https://www.example.org/money-advice
#       address: Exampleton Library, Church Street, Exampleton
#       hours: Tuesdays, 10am to 2pm
#       note: Interpreters can be booked.
#       person:
#         role: Money adviser
#         name: Kim Example
#         organisation: citizens-advice-scotland
#         public: false
#       not_public: [note]
#     status:
#       - status: active
#         date: 2025-04
#         note: Opened in the library.
#     funding:
#       - status: time-limited
#         funders: [scottish-government]
#         raw: Funded for two years
#         until: 2027-03
#         date: 2025-04
#     outcomes: [better-access]
#     frameworks: ["cj-common-outcomes-2016:access-to-services"]
#     former_ids: [money-clinic]
#     source:
#       section: Services we fund
#       page: 14
#       note: The phone number was taken from the clinic's leaflet.
"""

CHANGES = """\
# yaml-language-server: $schema=../../schema/changes.schema.json
## CHANGE NOTES
## The website's "What's changed" page works out what changed between releases by
## itself. A note here adds the reason, in your words, beside the change it explains.
## Once a release has published a note, do not edit or delete it: plansite check says
## if one was.
##
@HOW_TO@
## notes (a list)
##   Each note has:
##   id           (required) a short name for the note: lower-case letters, digits and
##                hyphens
##   date         (required) the day you wrote it, e.g. 2025-06-25
##   about        a list of what it is about, each written "kind:id", where kind is one
##                of action, service, outcome, node, indicator, partner, organisation,
##                plan or partnership, e.g. ["action:housing-protocol"]
##   text         (required) the reason, in a sentence or two
##   replaced_by  for something that was removed, what replaces it, written "kind:id"
##
## To add your first note: change "notes: []" to "notes:", then switch the example on.
notes: []
#   - id: money-clinic-moved
#     date: 2025-06-25
#     about: ["service:money-advice-clinic"]
#     text: The clinic moved to the library, which is open on more days.
#   - id: old-clinic-closed
#     date: 2025-06-25
#     about: ["service:old-money-clinic"]
#     text: The old clinic closed; the new one in the library offers the same help.
#     replaced_by: service:money-advice-clinic
"""

PLAN = """\
# yaml-language-server: $schema=../../../../schema/plan.schema.json
## THE PLAN
## What the plan is, when it runs, where it is in being agreed, and its outcomes.
## A filled-in example: data/partnerships/example/plans/example-plan-2024-27/plan.yaml
##
@HOW_TO@
## id (required)
##   The plan's short name in web addresses. It is the name of this folder and must
##   stay the same.
id: @PLAN_ID@

## title (required)
##   The plan's title, as printed.
##   Example: title: Example Community Justice Outcome Improvement Plan 2024-27
title: "[Replace with the plan's title]"

## title_variants (optional, a list)
##   Other titles the plan is known by.
# title_variants: [Example CJOIP]

## kind (required)
##   One of: outcome-improvement-plan, area-plan, action-plan, annual-report
kind: outcome-improvement-plan

## period (required)
##   The years the plan covers. plansite new guessed three years from this one:
##   change them to the plan's.
##     raw    the period as printed, e.g. @PERIOD_RAW@
##     start  (required) when it starts (a date, e.g. @START@)
##     end    (required) when it ends
period:
  # raw: @PERIOD_RAW@
  start: @START@
  end: @END@

## years (optional)
##   What "year 1", "year 2" ... mean in this plan, so that actions can be due in
##   "year 2". Each line is a number, a colon and a date.
years:
  1: @Y1@
  2: @Y2@
  3: @Y3@

## status (required, a list)
##   Where the plan is in being agreed, oldest first: add a line when it moves on.
##   The last one is its status now. Each has:
##     status  one of: draft, consultation, submitted, recommended, approved,
##             published, superseded, archived
##     date    when (a date)
##     note    anything to add, e.g. who approved it
status:
  - status: draft
    date: @TODAY@
  # - status: approved
  #   date: @LATER@
  #   note: Approved by the partnership board.

## superseded_by (optional)
##   Once a newer plan replaces this one: every page of this plan then says so and links
##   to it. Give one of:
##     plan   the id of the newer plan, when it is in this partnership's plans folder
##     title  its title, when it is not, with url: where it is published
# superseded_by:
#   plan: @PLAN_ID@-next
#   title: Our Community Justice Outcome Improvement Plan 2027-30
#   url: https://www.example.org/justice-plan-2027-30

## summary (optional)
##   What the plan is, in plain words. You can use *italics*, **bold**, lists and links.
# summary: >-
#   Our plan for the next three years: what we will do together to help people move
#   on from offending, and to support victims and families.

## source_document (optional)
##   The printed plan this website comes from.
##     title      (required here) its title
##     url        where to download it, starting with https://
##     published  when it was published (a date)
##     note       anything to add about it
# source_document:
#   title: Example Community Justice Outcome Improvement Plan 2024-27
#   url: https://www.example.org/cjoip.pdf
#   published: 2024-06
#   note: The printed plan's appendix is not included.

## levels (required, a list)
##   How the plan is organised, from the top down, named as the plan names them. The
##   last level holds the actions (in actions.yaml); the levels above it are listed in
##   nodes below. Common shapes: "Local outcome > Action" (as written here),
##   "Priority > Outcome > Action", "Section > Aim > Objective". Each level has:
##     id       a short name for it: lower-case letters, digits and hyphens
##     name     its name, one of them, e.g. Local outcome
##     plural   its name, more than one, e.g. Local outcomes
##     outcome  true if each item at this level is an outcome with its own page
levels:
  - id: outcome
    name: Local outcome
    plural: Local outcomes
    outcome: true
  - id: action
    name: Action
    plural: Actions

## nodes (optional, a list, but needed before you publish)
##   The plan's items above the actions: its outcomes, priorities, aims ... Each has:
##     id          (required) a short name for web addresses: lower-case letters,
##                 digits and hyphens. Never change it after publishing.
##     level       (required) the id of its level, from levels above
##     parent      the id of the item it sits under; only for items below the top
##                 level (a plan with three or more levels)
##     number      the plan's own numbering, in quotes, e.g. "1" or "2.1"
##     title       (required) its title, as the plan words it
##     aliases     a list of other wordings the plan uses for it
##     summary     what it means, in plain words
##     frameworks  a list of national outcomes it serves, written "framework:item"
##                 with ids from data/frameworks.yaml
##     former_ids  a list of ids it had before, so that old web addresses still work
##     source      where it is in the printed plan: section, page, and a note saying
##                 what you corrected or worked out, and why
# nodes:
#   - id: better-access
#     level: outcome
#     number: "1"
#     title: Better access to services
#     aliases: [Access to services]
#     summary: People can get help with housing, health and money when they need it.
#     frameworks: ["cj-common-outcomes-2016:access-to-services"]
#     former_ids: [access]
#     source:
#       section: Our outcomes
#       page: 8
#       note: The printed title was cut short; the full title is from page 3.

## sections (optional, a list)
##   Parts of the plan's own text worth publishing, such as the foreword. Each has:
##     id         (required) a short name: lower-case letters, digits and hyphens
##     title      (required) its heading
##     body       (required) the text; *italics*, **bold**, lists and links work
##     signed_by  who signed it: role, name, organisation, public, as for the chair
##                in partnership.yaml
# sections:
#   - id: foreword
#     title: Foreword
#     body: >-
#       We are pleased to publish this plan. It was shaped by the people who use
#       our services.
#     signed_by:
#       role: Chair of the Community Justice Partnership
#       name: Alex Example
#       organisation: example-council
#       public: true

## notes (optional, a list)
##   Gaps or corrections in the printed plan, said honestly.
# notes:
#   - The printed plan has no page 12.
"""

ACTIONS = """\
# yaml-language-server: $schema=../../../../schema/actions.schema.json
## ACTIONS
## What the partnership will do, who leads it, when, and how it is going. Each action
## gets its own page. A filled-in example:
## data/partnerships/example/plans/example-plan-2024-27/actions.yaml
##
@HOW_TO@
## actions (required, a list)
##   Each action has:
##   id          (required) a short name for web addresses: lower-case letters, digits
##               and hyphens. Never change it after publishing (use former_ids).
##   number      the plan's own numbering, in quotes, e.g. "1.1"
##   under       the id of the outcome (or other item in plan.yaml's nodes) it belongs to
##   text        (required) the action, in the plan's own words
##   summary     the same in plain words, if the plan's words are hard to follow
##   leads       a list of the ids of the organisations or partner groups that lead it,
##               e.g. [police-scotland] or [all-partners] (groups are in
##               data/partner-groups.yaml)
##   leads_raw   the lead exactly as the plan prints it
##   partners    a list of the ids of the organisations that support it
##   timescale   when it happens:
##                 raw      the timescale exactly as the plan words it
##                 start    when it starts (a date)
##                 due      when it is due to be done (a date, or "year 2" and so on)
##                 ongoing  true if it is continuous work with no end date
##   completion  how the partnership will know it is done
##   updates     a list of progress reports, oldest first; the last gives its status:
##                 date    (required) when (a date)
##                 status  one of: planned, not-started, in-progress, ongoing, delayed,
##                         complete, withdrawn
##                 note    what happened, in a sentence or two
##                 not_public  [note] keeps the note in the data folder: it is
##                         never published (the date and status still are)
##   frameworks  a list of national outcomes it serves, written "framework:item"
##   services    a list of the ids of services (in services.yaml) it concerns
##   former_ids  a list of ids it had before, so that old web addresses still work
##   source      where it is in the printed plan:
##                 section  the section's name
##                 page     the page number
##                 note     what you corrected or worked out, and why
##
## To add your first action: change "actions: []" to "actions:", then switch the
## example on.
actions: []
#   - id: housing-protocol
#     number: "1.1"
#     under: better-access
#     text: Agree a protocol so that nobody leaves prison without somewhere to stay.
#     summary: Make sure everyone leaving prison has a place to live.
#     leads: [all-partners]
#     leads_raw: All partners (lead - housing)
#     partners: [scottish-prison-service]
#     timescale:
#       raw: Start in year 1, finish by March 2026
#       start: year 1
#       due: 2026-03
#       ongoing: false
#     completion: A signed protocol is in use by all partners.
#     updates:
#       - date: 2025-06-15
#         status: in-progress
#         note: A first draft of the protocol has been shared with partners.
#       - date: 2025-09-01
#         status: delayed
#         note: Waiting for the council's legal team.
#         not_public: [note]
#     frameworks: ["cj-common-outcomes-2016:access-to-services"]
#     services: [money-advice-clinic]
#     former_ids: [housing-on-release]
#     source:
#       section: Action plan
#       page: 12
#       note: The lead was blank in the printed table; confirmed by the coordinator.
"""

INDICATORS = """\
# yaml-language-server: $schema=../../../../schema/indicators.schema.json
## INDICATORS
## How the partnership will tell whether things are getting better: each indicator has
## one or more measures, and each measure its figures, shown as a chart and a table.
## A filled-in example: data/partnerships/example/plans/example-plan-2024-27/indicators.yaml
##
@HOW_TO@
## indicators (required, a list)
##   Each indicator has:
##   id          (required) a short name for web addresses: lower-case letters, digits
##               and hyphens
##   number      the plan's own numbering, in quotes
##   title       (required) what it is about, as the plan words it
##   kind        the plan's own type for it, e.g. Quantitative
##   under       a list of the ids of the outcomes (plan.yaml nodes) it reports on
##   frameworks  a list of national outcomes it serves, written "framework:item"
##   measures    a list of measures, each with:
##                 id         (required) a short name, different from the indicator's
##                            other measures
##                 text       (required) what is measured, as the plan words it
##                 kind       one of: data-source, standard, evidence, in-development,
##                            count, rate
##                 unit       the unit, e.g. per cent or people
##                 direction  which way is better: up, down or maintain
##                 baseline   the figure it starts from
##                 target     the figure it aims for
##                 figures    a list of figures as they are reported, oldest first
##                 caveat     anything that makes the figures hard to compare
##               A figure (baseline, target, or one of figures) can have:
##                 value       the number, e.g. 58 or 4.5
##                 raw         the figure exactly as printed, e.g. "about 60%"
##                 unit        its unit, if not the measure's
##                 period      the time it covers (a date, e.g. 2025/26)
##                 period_raw  that time exactly as printed
##                 source      where it comes from
##                 note        anything to add
##   former_ids  a list of ids it had before, so that old web addresses still work
##   source      where it is in the printed plan: section, page, and a note saying
##               what you corrected or worked out, and why
##
## To add your first indicator: change "indicators: []" to "indicators:", then switch
## the example on.
indicators: []
#   - id: settled-accommodation
#     number: "1a"
#     title: People with settled accommodation on release
#     kind: Quantitative
#     under: [better-access]
#     frameworks: ["cj-common-outcomes-2016:access-to-services"]
#     measures:
#       - id: share
#         text: Share of people leaving prison who have settled accommodation
#         kind: rate
#         unit: per cent
#         direction: up
#         baseline:
#           value: 55
#           period: 2024/25
#         target:
#           value: 75
#           period: 2027/28
#         figures:
#           - value: 58
#             raw: 58%
#             unit: per cent
#             period: 2025/26
#             period_raw: April to September 2025
#             source: Housing team records
#             note: First half of the year.
#         caveat: Counts only people who gave an address.
#     former_ids: [housing-indicator]
#     source:
#       section: How we will measure progress
#       page: 20
#       note: The baseline year was missing; it is from the annual report.
"""

PARTICIPATION = """\
# yaml-language-server: $schema=../../../../schema/participation.schema.json
## PARTICIPATION
## Who was involved in making the plan, and what came of it, shown on the
## "Participation" page.
##
@HOW_TO@
## statement (optional)
##   The plan's participation statement, summarised in plain words. You can use
##   *italics*, **bold**, lists and links.
# statement: >-
#   We asked people who use justice services, their families and local groups what
#   the plan should do.

## records (a list)
##   Each event, survey or meeting, with:
##     id                (required) a short name: lower-case letters, digits, hyphens
##     title             (required) what happened, e.g. Consultation event
##     kind              (required) one of: event, consultation, survey, focus-group,
##                       meeting, workshop, briefing, online-consultation, forum, other
##     when              when it happened: raw (as printed), start, due (the end) and
##                       ongoing, as for an action's timescale
##     stakeholders_raw  who took part, as the plan says
##     organisations     a list of the ids of the organisations that took part
##     participants      how many people took part, as a number
##     result            what came of it
##     people            a list of named people, as for the chair in partnership.yaml:
##                         role          their role (required)
##                         name          their name
##                         organisation  the id of the organisation they work for
##                         public        true only if they agreed to be named
##     source            where it is in the printed plan: section, page and note
##
## To add your first record: change "records: []" to "records:", then switch the
## example on.
records: []
#   - id: spring-event
#     title: Spring consultation event
#     kind: event
#     when:
#       raw: March 2025
#       start: 2025-03
#       due: 2025-03
#       ongoing: false
#     stakeholders_raw: People with convictions, families and local charities
#     organisations: [families-outside]
#     participants: 40
#     result: Housing became the first outcome.
#     people:
#       - role: Facilitator
#         name: Sam Example
#         organisation: families-outside
#         public: false
#     source:
#       section: How we made this plan
#       page: 5
#       note: The number of people is from the event's report.
"""

STATISTICS = """\
# yaml-language-server: $schema=../../../../schema/statistics.schema.json
## STATISTICS
## Facts about the area that the plan gives for context, such as its population.
##
@HOW_TO@
## statistics (required, a list)
##   Each statistic has:
##   id          (required) a short name: lower-case letters, digits and hyphens
##   label       (required) what is counted, in plain words
##   value       the number, e.g. 51000 or 4.5 (no commas)
##   raw         the figure exactly as printed, e.g. "51,000"
##   unit        the unit, e.g. people or per cent
##   period      the time it covers (a date, e.g. 2024)
##   period_raw  that time exactly as printed
##   area        the area it is about, if not the whole partnership area
##   comparator  a figure to compare it with, e.g. the Scottish average:
##                 label  (required here) what it is
##                 value  the number
##                 raw    the figure exactly as printed
##                 area   the area it is about
##   finding     a finding in words, for facts that are not numbers
##   source      where it comes from
##
## To add your first statistic: change "statistics: []" to "statistics:", then
## switch the example on.
statistics: []
#   - id: population
#     label: People living in the area
#     value: 51000
#     raw: "51,000"
#     unit: people
#     period: 2024
#     period_raw: mid-2024 estimate
#     area: Example
#     comparator:
#       label: Scotland
#       value: 5490000
#       raw: 5.49 million
#       area: Scotland
#     finding: The population is older than Scotland's as a whole.
#     source: National Records of Scotland
"""

# By file kind name (see plansite.model.files), in the order they are written.
PARTNERSHIP_FILES = {
    "partnership": PARTNERSHIP,
    "local-organisations": ORGANISATIONS,
    "local-glossary": GLOSSARY,
    "services": SERVICES,
    "changes": CHANGES,
}
PLAN_FILES = {
    "plan": PLAN,
    "actions": ACTIONS,
    "indicators": INDICATORS,
    "participation": PARTICIPATION,
    "statistics": STATISTICS,
}
