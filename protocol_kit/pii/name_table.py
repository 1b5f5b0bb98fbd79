"""The words and phrases that make a field name personal, as data.

One row per phrase: the phrase (words as :func:`split_words` produces them),
the category, and how much the name alone proves:

- ``strong``: the name is enough on a non-empty value of a sensible type;
- ``weak``: the value must agree (``mobile`` must hold a phone number);
- ``person``/``address``: the bare word is personal only under a user-like or
  address-like container, or after such a word (``customer_name``, ``billing_state``);
- ``pair``: a coordinate that counts only next to its partner (``lat`` with ``lng``).

``unless``: words that, just before the phrase, make it something else
(``page_token``, ``web_address``).
"""
from __future__ import annotations

from protocol_kit.pii.name_table_languages import FOREIGN_TABLE  # noqa: F401  (part of the table)

TABLE = """
email                       email             strong
e mail                      email             strong
email address               email             strong
mail address                email             strong
mail                        email             weak      unless=voice snail
phone                       phone             strong
phone number                phone             strong
telephone                   phone             strong
telephone number            phone             strong
mobile number               phone             strong
mobile phone                phone             strong
cell phone                  phone             strong
msisdn                      phone             strong
tel                         phone             weak
mobile                      phone             weak
cell                        phone             weak
fax                         phone             weak
whatsapp                    phone             weak
first name                  person_name       strong
last name                   person_name       strong
full name                   person_name       strong
given name                  person_name       strong
family name                 person_name       strong
middle name                 person_name       strong
maiden name                 person_name       strong
legal name                  person_name       strong
surname                     person_name       strong
forename                    person_name       strong
name                        person_name       person
display name                person_name       person
user name                   username          strong
nick name                   username          strong
user handle                 username          strong
login name                  username          strong
address                     postal_address    strong    unless=web url email ip mac wallet contract memory server host bluetooth ble hardware network remote crypto ethereum bitcoin
street                      postal_address    strong
street address              postal_address    strong
street name                 postal_address    strong
address line                postal_address    strong
house number                postal_address    strong
line                        postal_address    address
postal code                 postal_code       strong
post code                   postal_code       strong
zip code                    postal_code       strong
zip                         postal_code       weak
postal                      postal_code       weak
latitude                    precise_location  strong
longitude                   precise_location  strong
lat                         precise_location  pair
lng                         precise_location  pair
lon                         precise_location  pair
long                        precise_location  pair
coordinates                 precise_location  weak
coords                      precise_location  weak
geo location                precise_location  weak
geohash                     precise_location  weak
geo hash                    precise_location  weak
gps                         precise_location  weak
lat lng                     precise_location  weak
lat lon                     precise_location  weak
lat long                    precise_location  weak
date of birth               birth_date        strong
dob                         birth_date        strong
birthday                    birth_date        strong
birth date                  birth_date        strong
birth year                  birth_date        strong
year of birth               birth_date        strong
ssn                         gov_id            strong
social security             gov_id            strong
social security number      gov_id            strong
social insurance number     gov_id            strong
passport                    gov_id            strong
passport number             gov_id            strong
national id                 gov_id            strong
national identity number    gov_id            strong
national insurance number   gov_id            strong
nino                        gov_id            strong
tax id                      gov_id            strong
taxpayer id                 gov_id            strong
tax number                  gov_id            strong
driver license              gov_id            strong
drivers license             gov_id            strong
driver licence              gov_id            strong
driving licence             gov_id            strong
driving license             gov_id            strong
id card number              gov_id            strong
aadhaar                     gov_id            strong
cpf                         gov_id            strong
card                        payment_card      weak
card number                 payment_card      weak
credit card                 payment_card      weak
credit card number          payment_card      weak
debit card                  payment_card      weak
cc number                   payment_card      weak
pan                         payment_card      weak
iban                        bank_account      strong
bank account                bank_account      strong
bank account number         bank_account      strong
account number              bank_account      weak
password                    credential        strong
passwd                      credential        strong
pwd                         credential        strong
passcode                    credential        strong
pin code                    credential        strong
secret                      credential        strong
client secret               credential        strong
token                       credential        strong    unless=page pagination continuation next sync cancel cancellation resume idempotency push device registration fcm apns
access token                credential        strong
refresh token               credential        strong
auth token                  credential        strong
id token                    credential        strong
session token               credential        strong
api key                     credential        strong
private key                 credential        strong
secret key                  credential        strong
access key                  credential        strong
otp                         credential        strong
one time password           credential        strong
security answer             credential        strong
auth                        credential        weak
authorization               credential        weak
ip                          ip_address        strong
ipv                         ip_address        strong
ip address                  ip_address        strong
remote addr                 ip_address        strong
mac address                 mac_address       strong
mac                         mac_address       weak
bssid                       mac_address       weak
advertising id              device_id         strong
ad id                       device_id         weak
adid                        device_id         weak
idfa                        device_id         strong
idfv                        device_id         strong
gaid                        device_id         strong
aaid                        device_id         strong
android id                  device_id         strong
device id                   device_id         strong
imei                        device_id         strong
meid                        device_id         strong
udid                        device_id         strong
push token                  device_id         strong
device token                device_id         strong
fcm token                   device_id         strong
apns token                  device_id         strong
health                      special_category  strong
health condition            special_category  strong
medical condition           special_category  strong
diagnosis                   special_category  strong
medication                  special_category  strong
disability                  special_category  strong
pregnancy                   special_category  strong
religion                    special_category  strong
religious affiliation       special_category  strong
ethnicity                   special_category  strong
ethnic origin               special_category  strong
race                        special_category  person
sexual orientation          special_category  strong
political affiliation       special_category  strong
political party             special_category  strong
political view              special_category  strong
trade union                 special_category  strong
union membership            special_category  strong
biometric                   special_category  strong
genetic                     special_category  strong
blood type                  special_category  strong
hiv status                  special_category  strong
mental health               special_category  strong
age                         demographic       strong    unless=cache account file token session cookie data page content
age range                   demographic       strong
age group                   demographic       strong
age bracket                 demographic       strong
gender                      demographic       strong
sex                         demographic       strong
marital status              demographic       strong
nationality                 demographic       strong
citizenship                 demographic       strong
city                        coarse_location   strong
country                     coarse_location   strong
country code                coarse_location   strong
province                    coarse_location   strong
county                      coarse_location   strong
region                      coarse_location   address
state                       coarse_location   address
salary                      financial_profile strong
income                      financial_profile strong
annual income               financial_profile strong
household income            financial_profile strong
net worth                   financial_profile strong
credit score                financial_profile strong
wealth                      financial_profile strong
addr                        postal_address    strong    unless=web url email ip mac wallet contract memory server host remote
street addr                 postal_address    strong
apartment                   postal_address    strong
apt number                  postal_address    strong
po box                      postal_address    strong
house nr                    postal_address    strong
cvv                         payment_card      strong
cvc                         payment_card      strong
csc                         payment_card      strong
cvv2                        payment_card      strong
cvc2                        payment_card      strong
card security code          payment_card      strong
card verification code      payment_card      strong
card verification value     payment_card      strong
name on card                person_name       strong
cardholder                  person_name       strong
card holder                 person_name       strong
cardholder name             person_name       strong
handle                      username          strong    unless=file event window process door error exception
screen name                 username          strong
gamertag                    username          strong
gamer tag                   username          strong
sexuality                   special_category  strong
sexual preference           special_category  strong
sexual identity             special_category  strong
political opinion           special_category  strong
political leaning           special_category  strong
political views             special_category  strong
politics                    special_category  strong
voting intention            special_category  strong
party affiliation           special_category  strong
religious belief            special_category  strong
ethnic group                special_category  strong
blood group                 special_category  strong
medical history             special_category  strong
health status               special_category  strong
allergy                     special_category  strong
prescription                special_category  strong
medication name             special_category  strong
medicine name               special_category  strong
drug name                   special_category  strong
diagnosis name              special_category  strong
disease name                special_category  strong
illness name                special_category  strong
allergy name                special_category  strong
licence number              gov_id            strong
license number              gov_id            strong
driver s license            gov_id            strong
driver s licence            gov_id            strong
drivers licence             gov_id            strong
driving licence number      gov_id            strong
dl number                   gov_id            strong
national insurance          gov_id            strong
ni number                   gov_id            strong
personal number             gov_id            strong
personnummer                gov_id            strong
tax code                    gov_id            strong
pesel                       gov_id            strong
curp                        gov_id            strong
gender identity             demographic       strong
"""

# Words of the containers under which a bare ``name`` (or ``race``) is a person's.
PERSON_CONTEXT = frozenset("""
kunde kunden cliente clientes client clients klant usuario utilisateur utente gebruiker titular
traits user users customer customers contact contacts billing shipping recipient recipients buyer
member members person people profile cardholder holder payer sender guest guests passenger
passengers patient patients employee employees student students attendee attendees
owner signer beneficiary applicant candidate
""".split())

# Containers and qualifiers of data that belongs to a business, not a person: a store's city, a merchant's
# phone line, a support mailbox. Under them (or with one just before the head word: ``store_city``,
# ``support_phone``), contact and location data is not personal.
BUSINESS_CONTEXT = frozenset("""
store stores shop shops venue venues merchant merchants warehouse warehouses restaurant restaurants hotel
hotels branch branches outlet outlets retailer retailers seller sellers vendor vendors supplier suppliers
company companies organization organisation organizations organisations business businesses brand brands
dealer dealers depot depots factory airport station stations office offices partner partners provider
providers pickup dropoff locker store_location headquarters hq firm employer agency clinic pharmacy
support helpdesk hotline service sales billing_department reception team
""".split())
# Categories business data can look like; cards, credentials and government ids are never business data.
BUSINESS_CATEGORIES = frozenset((
    "email", "phone", "person_name", "postal_address", "postal_code", "precise_location", "coarse_location",
))

# Trailing words naming a unit or currency (``income_usd``, ``salary (EUR)``, ``age_years``): the head is before them.
UNIT_WORDS = frozenset("""
usd eur gbp jpy chf cad aud inr brl mxn cny sek nok dkk pln czk huf try zar rub krw
kg kgs lb lbs cm mm km mi ft years yrs yr months days ms sec secs mins pct percent cents
""".split())
# Trailing abbreviations of "number" (``phone_no``, ``house_nr``): read as ``number``.
NUMBER_ABBREVIATIONS = frozenset("no nr num nbr nro numero nummer".split())
# Words after a head word in Romance names (``direccion_envio``, ``email_cliente``): dropped, and
# the person words among them count as a person context (``nombre_cliente``).
TRAILING_QUALIFIERS = frozenset("""
envio entrega facturacion principal completo completa electronico personal personnel privado privada
livraison facturation domicile spedizione fatturazione consegna entrega faturamento cobranca
cliente clientes client clients kunde kunden klant usuario usuaria utilisateur utente utilizador gebruiker
contacto contato contact titular
""".split())
PERSON_QUALIFIERS = frozenset("cliente clientes client clients kunde kunden klant usuario usuaria utilisateur "
                              "utente utilizador gebruiker contacto contato titular".split())

# Words of the containers under which ``line``, ``state`` or ``region`` is part of an address.
ADDRESS_CONTEXT = frozenset("address addresses billing shipping home mailing postal residence location geo".split())

# Container names that say nothing about what they hold; context is looked up past them.
GENERIC_CONTAINERS = frozenset("""
properties context data payload attributes attrs details detail info metadata meta fields values
body params extra custom props object item items
""".split())

# Words stripped from the end of a name before looking for its head (``email_value``).
NEUTRAL_SUFFIXES = frozenset("""
value raw str string input plain plaintext cleartext primary secondary normalized normalised
entered provided original lower lowercase trimmed e e164 formatted intl international national
""".split())

# Words meaning the value is a hash of the personal data: the category stays, at low sensitivity.
HASH_WORDS = frozenset("hash hashed sha md digest hmac encrypted bcrypt".split())

# Words before the head that make the name about something else (``is_email``, ``num_phones``).
NEGATING_PREFIXES = frozenset("is has num count total max min no".split())
