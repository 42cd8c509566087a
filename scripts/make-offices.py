#!/usr/bin/env python3
"""Builds Sources/Directory/Data/offices.csv: the 16 WUPs, one PUP per powiat (or per city +
surrounding powiat where one office serves both) and the 16 voivode's offices (foreigners' departments). Seats and names come from the project's own
knowledge, not from an official register, so every record is marked unverified; a deployment
loads the official list with `zielona import offices FILE.csv` (same columns)."""
import csv, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "Directory", "Data", "offices.csv")

# powiat TERYT | seat | "w/we" + locative of the seat
SEATS = """
0201|Bolesławiec|w Bolesławcu;0202|Dzierżoniów|w Dzierżoniowie;0203|Głogów|w Głogowie;0204|Góra|w Górze;
0205|Jawor|w Jaworze;0206|Jelenia Góra|w Jeleniej Górze;0207|Kamienna Góra|w Kamiennej Górze;0208|Kłodzko|w Kłodzku;
0209|Legnica|w Legnicy;0210|Lubań|w Lubaniu;0211|Lubin|w Lubinie;0212|Lwówek Śląski|w Lwówku Śląskim;
0213|Milicz|w Miliczu;0214|Oleśnica|w Oleśnicy;0215|Oława|w Oławie;0216|Polkowice|w Polkowicach;
0217|Strzelin|w Strzelinie;0218|Środa Śląska|w Środzie Śląskiej;0219|Świdnica|w Świdnicy;0220|Trzebnica|w Trzebnicy;
0221|Wałbrzych|w Wałbrzychu;0222|Wołów|w Wołowie;0223|Wrocław|we Wrocławiu;0224|Ząbkowice Śląskie|w Ząbkowicach Śląskich;
0225|Zgorzelec|w Zgorzelcu;0226|Złotoryja|w Złotoryi;
0401|Aleksandrów Kujawski|w Aleksandrowie Kujawskim;0402|Brodnica|w Brodnicy;0403|Bydgoszcz|w Bydgoszczy;
0404|Chełmno|w Chełmnie;0405|Golub-Dobrzyń|w Golubiu-Dobrzyniu;0406|Grudziądz|w Grudziądzu;0407|Inowrocław|w Inowrocławiu;
0408|Lipno|w Lipnie;0409|Mogilno|w Mogilnie;0410|Nakło nad Notecią|w Nakle nad Notecią;0411|Radziejów|w Radziejowie;
0412|Rypin|w Rypinie;0413|Sępólno Krajeńskie|w Sępólnie Krajeńskim;0414|Świecie|w Świeciu;0415|Toruń|w Toruniu;
0416|Tuchola|w Tucholi;0417|Wąbrzeźno|w Wąbrzeźnie;0418|Włocławek|we Włocławku;0419|Żnin|w Żninie;0463|Toruń|w Toruniu;
0601|Biała Podlaska|w Białej Podlaskiej;0602|Biłgoraj|w Biłgoraju;0603|Chełm|w Chełmie;0604|Hrubieszów|w Hrubieszowie;
0605|Janów Lubelski|w Janowie Lubelskim;0606|Krasnystaw|w Krasnymstawie;0607|Kraśnik|w Kraśniku;0608|Lubartów|w Lubartowie;
0609|Lublin|w Lublinie;0610|Łęczna|w Łęcznej;0611|Łuków|w Łukowie;0612|Opole Lubelskie|w Opolu Lubelskim;
0613|Parczew|w Parczewie;0614|Puławy|w Puławach;0615|Radzyń Podlaski|w Radzyniu Podlaskim;0616|Ryki|w Rykach;
0617|Świdnik|w Świdniku;0618|Tomaszów Lubelski|w Tomaszowie Lubelskim;0619|Włodawa|we Włodawie;0620|Zamość|w Zamościu;
0663|Lublin|w Lublinie;
0801|Gorzów Wielkopolski|w Gorzowie Wielkopolskim;0802|Krosno Odrzańskie|w Krośnie Odrzańskim;0803|Międzyrzecz|w Międzyrzeczu;
0804|Nowa Sól|w Nowej Soli;0805|Słubice|w Słubicach;0806|Strzelce Krajeńskie|w Strzelcach Krajeńskich;0807|Sulęcin|w Sulęcinie;
0808|Świebodzin|w Świebodzinie;0809|Zielona Góra|w Zielonej Górze;0810|Żagań|w Żaganiu;0811|Żary|w Żarach;0812|Wschowa|we Wschowie;
1001|Bełchatów|w Bełchatowie;1002|Kutno|w Kutnie;1003|Łask|w Łasku;1004|Łęczyca|w Łęczycy;1005|Łowicz|w Łowiczu;
1006|Łódź|w Łodzi;1007|Opoczno|w Opocznie;1008|Pabianice|w Pabianicach;1009|Pajęczno|w Pajęcznie;
1010|Piotrków Trybunalski|w Piotrkowie Trybunalskim;1011|Poddębice|w Poddębicach;1012|Radomsko|w Radomsku;
1013|Rawa Mazowiecka|w Rawie Mazowieckiej;1014|Sieradz|w Sieradzu;1015|Skierniewice|w Skierniewicach;
1016|Tomaszów Mazowiecki|w Tomaszowie Mazowieckim;1017|Wieluń|w Wieluniu;1018|Wieruszów|w Wieruszowie;
1019|Zduńska Wola|w Zduńskiej Woli;1020|Zgierz|w Zgierzu;1021|Brzeziny|w Brzezinach;1061|Łódź|w Łodzi;
1062|Piotrków Trybunalski|w Piotrkowie Trybunalskim;
1201|Bochnia|w Bochni;1202|Brzesko|w Brzesku;1203|Chrzanów|w Chrzanowie;1204|Dąbrowa Tarnowska|w Dąbrowie Tarnowskiej;
1205|Gorlice|w Gorlicach;1206|Kraków|w Krakowie;1207|Limanowa|w Limanowej;1208|Miechów|w Miechowie;
1209|Myślenice|w Myślenicach;1210|Nowy Sącz|w Nowym Sączu;1211|Nowy Targ|w Nowym Targu;1212|Olkusz|w Olkuszu;
1213|Oświęcim|w Oświęcimiu;1214|Proszowice|w Proszowicach;1215|Sucha Beskidzka|w Suchej Beskidzkiej;1216|Tarnów|w Tarnowie;
1217|Zakopane|w Zakopanem;1218|Wadowice|w Wadowicach;1219|Wieliczka|w Wieliczce;1261|Kraków|w Krakowie;1263|Tarnów|w Tarnowie;
1401|Białobrzegi|w Białobrzegach;1402|Ciechanów|w Ciechanowie;1403|Garwolin|w Garwolinie;1404|Gostynin|w Gostyninie;
1405|Grodzisk Mazowiecki|w Grodzisku Mazowieckim;1406|Grójec|w Grójcu;1407|Kozienice|w Kozienicach;1408|Legionowo|w Legionowie;
1409|Lipsko|w Lipsku;1410|Łosice|w Łosicach;1411|Maków Mazowiecki|w Makowie Mazowieckim;1412|Mińsk Mazowiecki|w Mińsku Mazowieckim;
1413|Mława|w Mławie;1414|Nowy Dwór Mazowiecki|w Nowym Dworze Mazowieckim;1415|Ostrołęka|w Ostrołęce;
1416|Ostrów Mazowiecka|w Ostrowi Mazowieckiej;1417|Otwock|w Otwocku;1418|Piaseczno|w Piasecznie;1419|Płock|w Płocku;
1420|Płońsk|w Płońsku;1421|Pruszków|w Pruszkowie;1422|Przasnysz|w Przasnyszu;1423|Przysucha|w Przysusze;1424|Pułtusk|w Pułtusku;
1425|Radom|w Radomiu;1426|Siedlce|w Siedlcach;1427|Sierpc|w Sierpcu;1428|Sochaczew|w Sochaczewie;
1429|Sokołów Podlaski|w Sokołowie Podlaskim;1430|Szydłowiec|w Szydłowcu;1432|Ożarów Mazowiecki|w Ożarowie Mazowieckim;
1433|Węgrów|w Węgrowie;1434|Wołomin|w Wołominie;1435|Wyszków|w Wyszkowie;1436|Zwoleń|w Zwoleniu;1437|Żuromin|w Żurominie;
1438|Żyrardów|w Żyrardowie;1462|Płock|w Płocku;1463|Radom|w Radomiu;1465|Warszawa|w Warszawie;
1601|Brzeg|w Brzegu;1602|Głubczyce|w Głubczycach;1603|Kędzierzyn-Koźle|w Kędzierzynie-Koźlu;1604|Kluczbork|w Kluczborku;
1605|Krapkowice|w Krapkowicach;1606|Namysłów|w Namysłowie;1607|Nysa|w Nysie;1608|Olesno|w Oleśnie;1609|Opole|w Opolu;
1610|Prudnik|w Prudniku;1611|Strzelce Opolskie|w Strzelcach Opolskich;
1801|Ustrzyki Dolne|w Ustrzykach Dolnych;1802|Brzozów|w Brzozowie;1803|Dębica|w Dębicy;1804|Jarosław|w Jarosławiu;
1805|Jasło|w Jaśle;1806|Kolbuszowa|w Kolbuszowej;1807|Krosno|w Krośnie;1808|Leżajsk|w Leżajsku;1809|Lubaczów|w Lubaczowie;
1810|Łańcut|w Łańcucie;1811|Mielec|w Mielcu;1812|Nisko|w Nisku;1813|Przemyśl|w Przemyślu;1814|Przeworsk|w Przeworsku;
1815|Ropczyce|w Ropczycach;1816|Rzeszów|w Rzeszowie;1817|Sanok|w Sanoku;1818|Stalowa Wola|w Stalowej Woli;
1819|Strzyżów|w Strzyżowie;1820|Tarnobrzeg|w Tarnobrzegu;1821|Lesko|w Lesku;1863|Rzeszów|w Rzeszowie;
2001|Augustów|w Augustowie;2002|Białystok|w Białymstoku;2003|Bielsk Podlaski|w Bielsku Podlaskim;2004|Grajewo|w Grajewie;
2005|Hajnówka|w Hajnówce;2006|Kolno|w Kolnie;2007|Łomża|w Łomży;2008|Mońki|w Mońkach;2009|Sejny|w Sejnach;
2010|Siemiatycze|w Siemiatyczach;2011|Sokółka|w Sokółce;2012|Suwałki|w Suwałkach;
2013|Wysokie Mazowieckie|w Wysokiem Mazowieckiem;2014|Zambrów|w Zambrowie;
2201|Bytów|w Bytowie;2202|Chojnice|w Chojnicach;2203|Człuchów|w Człuchowie;2204|Pruszcz Gdański|w Pruszczu Gdańskim;
2205|Kartuzy|w Kartuzach;2206|Kościerzyna|w Kościerzynie;2207|Kwidzyn|w Kwidzynie;2208|Lębork|w Lęborku;
2209|Malbork|w Malborku;2210|Nowy Dwór Gdański|w Nowym Dworze Gdańskim;2211|Puck|w Pucku;2212|Słupsk|w Słupsku;
2213|Starogard Gdański|w Starogardzie Gdańskim;2214|Tczew|w Tczewie;2215|Wejherowo|w Wejherowie;2216|Sztum|w Sztumie;
2261|Gdańsk|w Gdańsku;2262|Gdynia|w Gdyni;
2401|Będzin|w Będzinie;2402|Bielsko-Biała|w Bielsku-Białej;2403|Cieszyn|w Cieszynie;2404|Częstochowa|w Częstochowie;
2405|Gliwice|w Gliwicach;2406|Kłobuck|w Kłobucku;2407|Lubliniec|w Lublińcu;2408|Mikołów|w Mikołowie;2409|Myszków|w Myszkowie;
2410|Pszczyna|w Pszczynie;2411|Racibórz|w Raciborzu;2412|Rybnik|w Rybniku;2413|Tarnowskie Góry|w Tarnowskich Górach;
2414|Tychy|w Tychach;2415|Wodzisław Śląski|w Wodzisławiu Śląskim;2416|Zawiercie|w Zawierciu;2417|Żywiec|w Żywcu;
2462|Bytom|w Bytomiu;2463|Chorzów|w Chorzowie;2465|Dąbrowa Górnicza|w Dąbrowie Górniczej;2467|Jastrzębie-Zdrój|w Jastrzębiu-Zdroju;
2468|Jaworzno|w Jaworznie;2469|Katowice|w Katowicach;2470|Mysłowice|w Mysłowicach;2471|Piekary Śląskie|w Piekarach Śląskich;
2472|Ruda Śląska|w Rudzie Śląskiej;2474|Siemianowice Śląskie|w Siemianowicach Śląskich;2475|Sosnowiec|w Sosnowcu;
2476|Świętochłowice|w Świętochłowicach;2478|Zabrze|w Zabrzu;2479|Żory|w Żorach;
2601|Busko-Zdrój|w Busku-Zdroju;2602|Jędrzejów|w Jędrzejowie;2603|Kazimierza Wielka|w Kazimierzy Wielkiej;2604|Kielce|w Kielcach;
2605|Końskie|w Końskich;2606|Opatów|w Opatowie;2607|Ostrowiec Świętokrzyski|w Ostrowcu Świętokrzyskim;2608|Pińczów|w Pińczowie;
2609|Sandomierz|w Sandomierzu;2610|Skarżysko-Kamienna|w Skarżysku-Kamiennej;2611|Starachowice|w Starachowicach;
2612|Staszów|w Staszowie;2613|Włoszczowa|we Włoszczowie;2661|Kielce|w Kielcach;
2801|Bartoszyce|w Bartoszycach;2802|Braniewo|w Braniewie;2803|Działdowo|w Działdowie;2804|Elbląg|w Elblągu;2805|Ełk|w Ełku;
2806|Giżycko|w Giżycku;2807|Iława|w Iławie;2808|Kętrzyn|w Kętrzynie;2809|Lidzbark Warmiński|w Lidzbarku Warmińskim;
2810|Mrągowo|w Mrągowie;2811|Nidzica|w Nidzicy;2812|Nowe Miasto Lubawskie|w Nowym Mieście Lubawskim;2813|Olecko|w Olecku;
2814|Olsztyn|w Olsztynie;2815|Ostróda|w Ostródzie;2816|Pisz|w Piszu;2817|Szczytno|w Szczytnie;2818|Gołdap|w Gołdapi;
2819|Węgorzewo|w Węgorzewie;2862|Olsztyn|w Olsztynie;
3001|Chodzież|w Chodzieży;3002|Czarnków|w Czarnkowie;3003|Gniezno|w Gnieźnie;3004|Gostyń|w Gostyniu;
3005|Grodzisk Wielkopolski|w Grodzisku Wielkopolskim;3006|Jarocin|w Jarocinie;3007|Kalisz|w Kaliszu;3008|Kępno|w Kępnie;
3009|Koło|w Kole;3010|Konin|w Koninie;3011|Kościan|w Kościanie;3012|Krotoszyn|w Krotoszynie;3013|Leszno|w Lesznie;
3014|Międzychód|w Międzychodzie;3015|Nowy Tomyśl|w Nowym Tomyślu;3016|Oborniki|w Obornikach;
3017|Ostrów Wielkopolski|w Ostrowie Wielkopolskim;3018|Ostrzeszów|w Ostrzeszowie;3019|Piła|w Pile;3020|Pleszew|w Pleszewie;
3021|Poznań|w Poznaniu;3022|Rawicz|w Rawiczu;3023|Słupca|w Słupcy;3024|Szamotuły|w Szamotułach;
3025|Środa Wielkopolska|w Środzie Wielkopolskiej;3026|Śrem|w Śremie;3027|Turek|w Turku;3028|Wągrowiec|w Wągrowcu;
3029|Wolsztyn|w Wolsztynie;3030|Września|we Wrześni;3031|Złotów|w Złotowie;
3201|Białogard|w Białogardzie;3202|Choszczno|w Choszcznie;3203|Drawsko Pomorskie|w Drawsku Pomorskim;3204|Goleniów|w Goleniowie;
3205|Gryfice|w Gryficach;3206|Gryfino|w Gryfinie;3207|Kamień Pomorski|w Kamieniu Pomorskim;3208|Kołobrzeg|w Kołobrzegu;
3209|Koszalin|w Koszalinie;3210|Myślibórz|w Myśliborzu;3211|Police|w Policach;3212|Pyrzyce|w Pyrzycach;3213|Sławno|w Sławnie;
3214|Stargard|w Stargardzie;3215|Szczecinek|w Szczecinku;3216|Świdwin|w Świdwinie;3217|Wałcz|w Wałczu;3218|Łobez|w Łobzie;
3262|Szczecin|w Szczecinie;3263|Świnoujście|w Świnoujściu
"""

# One office serves the first powiat and the cities after it.
SHARED = """0206 0261;0209 0262;0221 0265;0223 0264;0403 0461;0406 0462;0418 0464;0601 0661;0603 0662;0620 0664;
0801 0861;0809 0862;1015 1063;1210 1262;1415 1461;1426 1464;1609 1661;1807 1861;1813 1862;1820 1864;2002 2061;
2007 2062;2012 2063;2212 2263;2262 2264;2402 2461;2404 2464;2405 2466;2412 2473;2414 2477;2804 2861;3007 3061;
3010 3062;3013 3063;3021 3064;3209 3261"""

NAMES = {
    "0463": "Powiatowy Urząd Pracy dla Miasta Torunia",
    "0663": "Miejski Urząd Pracy w Lublinie",
    "1006": "Powiatowy Urząd Pracy dla powiatu łódzkiego wschodniego",
    "1062": "Miejski Urząd Pracy w Piotrkowie Trybunalskim",
    "1210": "Sądecki Urząd Pracy w Nowym Sączu",
    "1261": "Grodzki Urząd Pracy w Krakowie",
    "1263": "Grodzki Urząd Pracy w Tarnowie",
    "1462": "Miejski Urząd Pracy w Płocku",
    "1463": "Miejski Urząd Pracy w Radomiu",
    "1465": "Urząd Pracy m.st. Warszawy",
    "1863": "Miejski Urząd Pracy w Rzeszowie",
    "2261": "Gdański Urząd Pracy",
    "2661": "Miejski Urząd Pracy w Kielcach",
    "2862": "Miejski Urząd Pracy w Olsztynie",
}

WUP = {"02": ("Dolnośląski Wojewódzki Urząd Pracy", "Wałbrzych"), "04": ("Wojewódzki Urząd Pracy w Toruniu", "Toruń"),
       "06": ("Wojewódzki Urząd Pracy w Lublinie", "Lublin"), "08": ("Wojewódzki Urząd Pracy w Zielonej Górze", "Zielona Góra"),
       "10": ("Wojewódzki Urząd Pracy w Łodzi", "Łódź"), "12": ("Wojewódzki Urząd Pracy w Krakowie", "Kraków"),
       "14": ("Wojewódzki Urząd Pracy w Warszawie", "Warszawa"), "16": ("Wojewódzki Urząd Pracy w Opolu", "Opole"),
       "18": ("Wojewódzki Urząd Pracy w Rzeszowie", "Rzeszów"), "20": ("Wojewódzki Urząd Pracy w Białymstoku", "Białystok"),
       "22": ("Wojewódzki Urząd Pracy w Gdańsku", "Gdańsk"), "24": ("Wojewódzki Urząd Pracy w Katowicach", "Katowice"),
       "26": ("Wojewódzki Urząd Pracy w Kielcach", "Kielce"), "28": ("Wojewódzki Urząd Pracy w Olsztynie", "Olsztyn"),
       "30": ("Wojewódzki Urząd Pracy w Poznaniu", "Poznań"), "32": ("Wojewódzki Urząd Pracy w Szczecinie", "Szczecin")}

NOTE = ("name and seat from TERYT and project knowledge; address, phone, e-mail and opening hours "
        "not verified - import the official list")

# The voivode's offices (urząd wojewódzki) with their foreigners' departments: the authority for
# residence and type A work permits, and operators of foreigners' helplines ("uw-" + voivodeship).
# voivodeship: (name – department, seat, street, postal code, what is known)
UW = {
    '02': ('Dolnośląski Urząd Wojewódzki we Wrocławiu – Wydział Spraw Obywatelskich i Cudzoziemców', 'Wrocław', 'pl. Powstańców Warszawy 1', '50-153', "seat of the office from project knowledge; the foreigners' department may receive elsewhere - not verified"),
    '04': ('Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy – Wydział Spraw Cudzoziemców', 'Bydgoszcz', 'ul. Jagiellońska 3', '85-950', 'seat of the office from project knowledge; not verified'),
    '06': ('Lubelski Urząd Wojewódzki w Lublinie – Wydział Spraw Cudzoziemców', 'Lublin', 'ul. Spokojna 4', '20-914', 'seat of the office from project knowledge; not verified'),
    '08': ('Lubuski Urząd Wojewódzki w Gorzowie Wielkopolskim – Wydział Spraw Obywatelskich i Cudzoziemców', 'Gorzów Wielkopolski', 'ul. Jagiellończyka 8', '66-400', 'seat of the office from project knowledge; not verified'),
    '10': ('Łódzki Urząd Wojewódzki w Łodzi – Wydział Spraw Obywatelskich i Cudzoziemców', 'Łódź', 'ul. Piotrkowska 104', '90-926', 'seat of the office from project knowledge; not verified'),
    '12': ('Małopolski Urząd Wojewódzki w Krakowie – Wydział Spraw Cudzoziemców', 'Kraków', 'ul. Przy Rondzie 6', '31-547', "department's address as the office's INFO.OPT page gives it (infoopt.pl); postal code not verified"),
    '14': ('Mazowiecki Urząd Wojewódzki w Warszawie – Wydział Spraw Cudzoziemców', 'Warszawa', 'ul. Marszałkowska 3/5', '00-624', "department's address from project knowledge; not verified"),
    '16': ('Opolski Urząd Wojewódzki w Opolu – Wydział Spraw Obywatelskich i Cudzoziemców', 'Opole', 'ul. Piastowska 14', '45-082', 'seat of the office from project knowledge; not verified'),
    '18': ('Podkarpacki Urząd Wojewódzki w Rzeszowie – Wydział Spraw Cudzoziemców', 'Rzeszów', 'ul. Grunwaldzka 15', '35-959', 'seat of the office from project knowledge; not verified'),
    '20': ('Podlaski Urząd Wojewódzki w Białymstoku – Wydział Spraw Obywatelskich i Cudzoziemców', 'Białystok', 'ul. Mickiewicza 3/4', '15-213', 'seat of the office from project knowledge; not verified'),
    '22': ('Pomorski Urząd Wojewódzki w Gdańsku – Wydział Spraw Cudzoziemców', 'Gdańsk', 'ul. Okopowa 21/27', '80-810', 'seat of the office from project knowledge; not verified'),
    '24': ('Śląski Urząd Wojewódzki w Katowicach – Wydział Spraw Cudzoziemców', 'Katowice', 'ul. Jagiellońska 25', '40-032', 'seat of the office from project knowledge; not verified'),
    '26': ('Świętokrzyski Urząd Wojewódzki w Kielcach – Wydział Spraw Obywatelskich i Cudzoziemców', 'Kielce', 'al. IX Wieków Kielc 3', '25-516', 'seat of the office from project knowledge; not verified'),
    '28': ('Warmińsko-Mazurski Urząd Wojewódzki w Olsztynie – Wydział Spraw Obywatelskich i Cudzoziemców', 'Olsztyn', 'al. Piłsudskiego 7/9', '10-575', 'seat of the office from project knowledge; not verified'),
    '30': ('Wielkopolski Urząd Wojewódzki w Poznaniu – Wydział Spraw Cudzoziemców', 'Poznań', 'al. Niepodległości 16/18', '61-713', 'seat of the office from project knowledge; not verified'),
    '32': ('Zachodniopomorski Urząd Wojewódzki w Szczecinie – Wydział Spraw Cudzoziemców', 'Szczecin', 'Wały Chrobrego 4', '70-502', 'seat of the office from project knowledge; not verified'),
}


def main():
    seats = {}
    for item in SEATS.replace("\n", "").split(";"):
        if item.strip():
            code, seat, phrase = item.strip().split("|")
            seats[code] = (seat, phrase)
    served_by = {}
    for group in SHARED.replace("\n", "").split(";"):
        codes = group.split()
        for c in codes[1:]:
            served_by[c] = codes[0]
    terc = os.path.join(HERE, "..", "Sources", "Directory", "Data", "pl-teryt-terc.csv")
    powiats = [r for r in csv.DictReader(open(terc, encoding="utf-8")) if r["pow"] and not r["gmi"]]
    rows = []
    for woj, (name, seat) in sorted(WUP.items()):
        rows.append(dict(id=f"wup-{woj}", kind="wup", name=name, locality=seat, voivodeship=woj, powiats="",
                         street="", postal_code="", phone="", email="", website="", hours="", verified="false", note=NOTE))
    groups = {}
    for p in powiats:
        code = p["woj"] + p["pow"]
        groups.setdefault(served_by.get(code, code), []).append(code)
    for lead, codes in sorted(groups.items()):
        seat, phrase = seats.get(lead) or seats[codes[-1]]
        name = NAMES.get(lead, f"Powiatowy Urząd Pracy {phrase}")
        rows.append(dict(id=f"pup-{lead}", kind="pup", name=name, locality=seat, voivodeship=lead[:2],
                         powiats=" ".join(codes), street="", postal_code="", phone="", email="", website="",
                         hours="", verified="false", note=NOTE))
    for woj, (name, seat, street, postal, note) in sorted(UW.items()):
        rows.append(dict(id=f"uw-{woj}", kind="uw", name=name, locality=seat, voivodeship=woj, powiats="",
                         street=street, postal_code=postal, phone="", email="", website="", hours="", verified="false", note=note))
    missing = [c for c in groups if c not in seats]
    if missing:
        sys.exit(f"no seat for {missing}")
    names = [r["name"] for r in rows]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit(f"duplicate names {dup}")
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} offices ({len(rows) - 32} PUPs) -> {os.path.relpath(OUT)}")

main()
