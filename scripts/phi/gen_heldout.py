#!/usr/bin/env python3
"""Generate a labelled held-out set of social-media-style health texts with Faker, in the
JSON-lines format of faker_social_2000.jsonl ({"text", "spans": [{"type","start","end"}]}).

Used to check that the detector generalises to people and places it has never seen, in
particular Faker's en_IN locale. Templates are our own; offsets are code points.

Usage: gen_heldout.py LOCALE SEED COUNT > out.jsonl
"""
import json
import random
import sys

from faker import Faker

TEMPLATES = [
    "{PERSON} from {LOCATION} wrote: my dialysis starts {DATE_TIME}, please pray for me",
    "Get well soon {PERSON}! Everyone at {ORGANIZATION} is thinking of you",
    "Reminder for {PERSON}: your scan is booked for {DATE_TIME}. Call {PHONE_NUMBER} to change it.",
    "Our new clinic is open at {LOCATION}. Walk-ins welcome!",
    "Can someone help? My mother {PERSON} was admitted on {DATE_TIME} and nobody is answering {PHONE_NUMBER}",
    "Patient {PERSON}, DOB {DATE_TIME}, contact {EMAIL_ADDRESS}",
    "So grateful to Dr. {PERSON} and the nurses at {ORGANIZATION}",
    "@{USERNAME} please send your records to {EMAIL_ADDRESS} and we will call you back",
    "Met {PERSON} at the blood donation camp in {LOCATION} today",
    "Booking link: {URL} or WhatsApp {PHONE_NUMBER}",
    "Lost my wallet near {LOCATION} with my insurance card, policy number {ID}",
    "{PERSON} and {PERSON} completed the 10k walk for diabetes awareness!",
    "Suspicious logins from {IP_ADDRESS} on the portal again",
    "Discharge summary for {PERSON} (MRN {ID}) sent on {DATE_TIME}",
    "Happy birthday {PERSON}! From all of us at {ORGANIZATION}",
    "Please update my address to {LOCATION}, thanks",
    "Thank you {PERSON} for the kind words about our physiotherapy team",
    "My sister {PERSON} had her surgery on {DATE_TIME} in {LOCATION}",
    "Visit {URL} for visiting hours. Closed on {DATE_TIME}.",
    "Hi, I'm {PERSON}, my SSN is {US_SSN} - why was my claim denied?",
    "Free eye checkup camp at {LOCATION} this Sunday, call {PHONE_NUMBER}",
    "Congratulations {PERSON} on 25 years of service!",
    "Shoutout to {PERSON} who answered every question at the help desk",
    "{PERSON}, your lab report is ready. Log in at {URL} with user {USERNAME}",
]


def fill(fake, kind):
    if kind == "PERSON":
        return random.choice([fake.name, fake.name, fake.first_name, fake.last_name])()
    if kind == "LOCATION":
        return random.choice([
            fake.city,
            lambda: f"{fake.street_address()}, {fake.city()}",
            lambda: fake.address().replace("\n", ", "),
        ])()
    if kind == "DATE_TIME":
        d = fake.date_object()
        return random.choice([
            lambda: d.strftime("%m/%d/%Y"), lambda: d.isoformat(), lambda: d.strftime("%B %d, %Y"),
            lambda: d.strftime("%d %B %Y"), lambda: d.strftime("%d/%m/%Y"), fake.day_of_week,
        ])()
    if kind == "PHONE_NUMBER":
        return fake.phone_number()
    if kind == "EMAIL_ADDRESS":
        return fake.email()
    if kind == "URL":
        return fake.url()
    if kind == "USERNAME":
        return fake.user_name()
    if kind == "IP_ADDRESS":
        return fake.ipv4()
    if kind == "US_SSN":
        return fake.ssn()
    if kind == "ID":
        return random.choice([lambda: fake.bothify("???#########").upper(), lambda: fake.numerify("########")])()
    if kind == "ORGANIZATION":
        return fake.company()
    raise ValueError(kind)


def render(fake, template):
    text, spans, pos = "", [], 0
    while True:
        a = template.find("{", pos)
        if a < 0:
            text += template[pos:]
            return text, spans
        b = template.index("}", a)
        text += template[pos:a]
        kind = template[a + 1:b]
        value = fill(fake, kind)
        spans.append({"type": kind, "start": len(text), "end": len(text) + len(value)})
        text += value
        pos = b + 1


def main():
    locale, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    fake = Faker(locale)
    Faker.seed(seed)
    random.seed(seed)
    for _ in range(count):
        text, spans = render(fake, random.choice(TEMPLATES))
        print(json.dumps({"text": text, "spans": spans}, ensure_ascii=False))


if __name__ == "__main__":
    main()
