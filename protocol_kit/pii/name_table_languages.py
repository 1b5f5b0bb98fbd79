"""Field names in other languages, as data: rows as in :mod:`protocol_kit.pii.name_table`."""
from __future__ import annotations

# Field names in German, Spanish, French, Portuguese, Italian and Dutch (accents folded: ``straße`` is
# ``strasse``, ``teléfono`` ``telefono``). Romance names often put the head first (``direccion_envio``):
# the qualifiers after it are in ``TRAILING_QUALIFIERS``.
FOREIGN_TABLE = """
mail adresse                email             strong
e mail adresse              email             strong
emailadresse                email             strong
emailadres                  email             strong
e mailadres                 email             strong
mailadres                   email             strong
correo                      email             strong
correo electronico          email             strong
courriel                    email             strong
adresse mail                email             strong
adresse email               email             strong
adresse e mail              email             strong
endereco de email           email             strong
indirizzo email             email             strong
telefon                     phone             strong
telefonnummer               phone             strong
handynummer                 phone             strong
handy                       phone             weak
mobilnummer                 phone             strong
rufnummer                   phone             strong
telefono                    phone             strong
movil                       phone             weak
celular                     phone             strong
telefone                    phone             strong
telemovel                   phone             strong
telephone portable          phone             strong
portable                    phone             weak
cellulare                   phone             strong
telefoon                    phone             strong
telefoonnummer              phone             strong
mobiel                      phone             weak
mobielnummer                phone             strong
vorname                     person_name       strong
nachname                    person_name       strong
familienname                person_name       strong
nombre                      person_name       person
apellido                    person_name       strong
apellidos                   person_name       strong
nombre completo             person_name       strong
nom                         person_name       person
prenom                      person_name       strong
nom de famille              person_name       strong
nom complet                 person_name       strong
nome                        person_name       person
sobrenome                   person_name       strong
apelido                     person_name       strong
nome completo               person_name       strong
cognome                     person_name       strong
voornaam                    person_name       strong
achternaam                  person_name       strong
naam                        person_name       person
volledige naam              person_name       strong
tussenvoegsel               person_name       strong
benutzername                username          strong
nombre de usuario           username          strong
nombre usuario              username          strong
nom d utilisateur           username          strong
nome de usuario             username          strong
nome usuario                username          strong
nome utente                 username          strong
gebruikersnaam              username          strong
adresse                     postal_address    strong    unless=web url ip mac
anschrift                   postal_address    strong
strasse                     postal_address    strong
hausnummer                  postal_address    strong
wohnort                     coarse_location   strong
direccion                   postal_address    strong    unless=web url ip mac
domicilio                   postal_address    strong
calle                       postal_address    strong
rue                         postal_address    strong
endereco                    postal_address    strong    unless=web url ip mac
morada                      postal_address    strong
logradouro                  postal_address    strong
indirizzo                   postal_address    strong    unless=web url ip mac
adres                       postal_address    strong    unless=web url ip mac
straat                      postal_address    strong
straatnaam                  postal_address    strong
huisnummer                  postal_address    strong
postleitzahl                postal_code       strong
plz                         postal_code       weak
codigo postal               postal_code       strong
code postal                 postal_code       strong
cep                         postal_code       weak
codice postale              postal_code       strong
geburtsdatum                birth_date        strong
geburtstag                  birth_date        strong
geburtsjahr                 birth_date        strong
fecha de nacimiento         birth_date        strong
nacimiento                  birth_date        strong
date de naissance           birth_date        strong
naissance                   birth_date        strong
data de nascimento          birth_date        strong
nascimento                  birth_date        strong
data di nascita             birth_date        strong
nascita                     birth_date        strong
geboortedatum               birth_date        strong
geboortejaar                birth_date        strong
cumpleanos                  birth_date        strong
aniversario                 birth_date        strong
compleanno                  birth_date        strong
stadt                       coarse_location   strong
ciudad                      coarse_location   strong
ville                       coarse_location   strong
cidade                      coarse_location   strong
citta                       coarse_location   strong
woonplaats                  coarse_location   strong
pais                        coarse_location   strong
pays                        coarse_location   strong
paese                       coarse_location   strong
breitengrad                 precise_location  strong
laengengrad                 precise_location  strong
langengrad                  precise_location  strong
latitud                     precise_location  strong
longitud                    precise_location  strong
latitudine                  precise_location  strong
longitudine                 precise_location  strong
breedtegraad                precise_location  strong
lengtegraad                 precise_location  strong
ubicacion                   precise_location  weak
localizacao                 precise_location  weak
localisation                precise_location  weak
posizione                   precise_location  weak
standort                    precise_location  weak
passnummer                  gov_id            strong
reisepass                   gov_id            strong
personalausweis             gov_id            strong
ausweisnummer               gov_id            strong
steuernummer                gov_id            strong
steuer id                   gov_id            strong
steueridentifikationsnummer gov_id            strong
sozialversicherungsnummer   gov_id            strong
dni                         gov_id            strong
nif                         gov_id            strong
cedula                      gov_id            strong
pasaporte                   gov_id            strong
numero de securite sociale  gov_id            strong
securite sociale            gov_id            strong
passeport                   gov_id            strong
passaporte                  gov_id            strong
codice fiscale              gov_id            strong
passaporto                  gov_id            strong
bsn                         gov_id            strong
burgerservicenummer         gov_id            strong
paspoort                    gov_id            strong
kontonummer                 bank_account      strong
bankverbindung              bank_account      strong
cuenta bancaria             bank_account      strong
numero de cuenta            bank_account      weak
compte bancaire             bank_account      strong
conta bancaria              bank_account      strong
conto bancario              bank_account      strong
rekeningnummer              bank_account      strong
bankrekening                bank_account      strong
kreditkarte                 payment_card      weak
kartennummer                payment_card      weak
tarjeta                     payment_card      weak
numero de tarjeta           payment_card      weak
carte bancaire              payment_card      weak
numero de carte             payment_card      weak
cartao                      payment_card      weak
carta di credito            payment_card      weak
passwort                    credential        strong
kennwort                    credential        strong
contrasena                  credential        strong
clave                       credential        weak
mot de passe                credential        strong
senha                       credential        strong
wachtwoord                  credential        strong
geschlecht                  demographic       strong
genero                      demographic       strong
sexo                        demographic       strong
sexe                        demographic       strong
sesso                       demographic       strong
geslacht                    demographic       strong
edad                        demographic       strong
idade                       demographic       strong
leeftijd                    demographic       strong
staatsangehoerigkeit        demographic       strong
staatsangehorigkeit         demographic       strong
nacionalidad                demographic       strong
nationalite                 demographic       strong
nacionalidade               demographic       strong
nazionalita                 demographic       strong
nationaliteit               demographic       strong
religion                    special_category  strong
religiao                    special_category  strong
religione                   special_category  strong
godsdienst                  special_category  strong
gesundheit                  special_category  strong
salud                       special_category  strong
sante                       special_category  strong
saude                       special_category  strong
gezondheid                  special_category  strong
gehalt                      financial_profile strong
einkommen                   financial_profile strong
salario                     financial_profile strong
ingresos                    financial_profile strong
salaire                     financial_profile strong
revenu                      financial_profile strong
renda                       financial_profile strong
stipendio                   financial_profile strong
reddito                     financial_profile strong
salaris                     financial_profile strong
inkomen                     financial_profile strong
"""
