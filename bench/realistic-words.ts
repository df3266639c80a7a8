// Word pools for the realistic benchmark corpus (realistic.ts): countries, name pools by region, topics with their
// own vocabulary, general policy and business vocabulary, outlets, firms and institutions. Large on purpose, so
// full-text terms have a realistic spread (a few very common words, a long tail of rare ones), not 50 words
// everywhere.

const words = (s: string) => s.trim().split(/\s+/);
const phrases = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);

export interface Country {
  name: string;
  adj: string;
  capital: string;
  cities: string[];
  bank: string;
  pool: string;
  weight: number;
}

export const COUNTRIES: Country[] = `
US|US|Washington|New York,Chicago,Houston,San Francisco,Detroit,Seattle,Atlanta|Federal Reserve|anglo|14
China|Chinese|Beijing|Shanghai,Shenzhen,Guangzhou,Chongqing,Tianjin,Wuhan|People's Bank of China|chinese|8
India|Indian|New Delhi|Mumbai,Bengaluru,Chennai,Hyderabad,Kolkata,Pune,Ahmedabad|Reserve Bank of India|indian|10
Japan|Japanese|Tokyo|Osaka,Yokohama,Nagoya,Fukuoka|Bank of Japan|japanese|5
South Korea|South Korean|Seoul|Busan,Incheon,Ulsan,Daejeon|Bank of Korea|korean|4
Germany|German|Berlin|Frankfurt,Munich,Hamburg,Stuttgart,Cologne|Bundesbank|german|4
France|French|Paris|Lyon,Marseille,Toulouse,Lille|Banque de France|french|4
Britain|British|London|Manchester,Birmingham,Edinburgh,Glasgow,Leeds|Bank of England|anglo|5
the European Union|EU|Brussels|Strasbourg,Luxembourg|European Central Bank|euro|5
Italy|Italian|Rome|Milan,Turin,Naples,Genoa|Bank of Italy|italian|2
Spain|Spanish|Madrid|Barcelona,Valencia,Bilbao,Seville|Bank of Spain|hispanic|2
Mexico|Mexican|Mexico City|Monterrey,Guadalajara,Tijuana,Puebla|Bank of Mexico|hispanic|3
Brazil|Brazilian|Brasilia|Sao Paulo,Rio de Janeiro,Belo Horizonte,Porto Alegre|Central Bank of Brazil|portuguese|3
Argentina|Argentine|Buenos Aires|Cordoba,Rosario,Mendoza|Central Bank of Argentina|hispanic|1
Chile|Chilean|Santiago|Valparaiso,Antofagasta,Concepcion|Central Bank of Chile|hispanic|1
Canada|Canadian|Ottawa|Toronto,Vancouver,Calgary,Montreal,Edmonton|Bank of Canada|anglo|3
Australia|Australian|Canberra|Sydney,Melbourne,Perth,Brisbane,Adelaide|Reserve Bank of Australia|anglo|3
Indonesia|Indonesian|Jakarta|Surabaya,Bandung,Medan,Makassar|Bank Indonesia|indonesian|2
Malaysia|Malaysian|Kuala Lumpur|Penang,Johor Bahru,Kuching|Bank Negara Malaysia|indonesian|1
Saudi Arabia|Saudi|Riyadh|Jeddah,Dammam,Neom|Saudi Central Bank|arabic|2
the United Arab Emirates|Emirati|Abu Dhabi|Dubai,Sharjah|Central Bank of the UAE|arabic|1
Egypt|Egyptian|Cairo|Alexandria,Port Said,Suez|Central Bank of Egypt|arabic|1
Nigeria|Nigerian|Abuja|Lagos,Kano,Port Harcourt,Ibadan|Central Bank of Nigeria|african|2
South Africa|South African|Pretoria|Johannesburg,Cape Town,Durban,Port Elizabeth|South African Reserve Bank|african|2
Kenya|Kenyan|Nairobi|Mombasa,Kisumu,Nakuru|Central Bank of Kenya|african|1
Ghana|Ghanaian|Accra|Kumasi,Tema,Takoradi|Bank of Ghana|african|1
Russia|Russian|Moscow|St Petersburg,Novosibirsk,Yekaterinburg|Bank of Russia|slavic|2
Poland|Polish|Warsaw|Krakow,Gdansk,Wroclaw,Poznan|National Bank of Poland|slavic|1
Ukraine|Ukrainian|Kyiv|Lviv,Odesa,Kharkiv,Dnipro|National Bank of Ukraine|slavic|2
Turkey|Turkish|Ankara|Istanbul,Izmir,Bursa|Central Bank of Turkey|turkish|1
Sweden|Swedish|Stockholm|Gothenburg,Malmo,Uppsala|Riksbank|nordic|1
Norway|Norwegian|Oslo|Bergen,Stavanger,Trondheim|Norges Bank|nordic|1
the Netherlands|Dutch|The Hague|Amsterdam,Rotterdam,Eindhoven|De Nederlandsche Bank|nordic|1
Vietnam|Vietnamese|Hanoi|Ho Chi Minh City,Da Nang,Haiphong|State Bank of Vietnam|vietnamese|2
the Philippines|Philippine|Manila|Cebu,Davao,Quezon City|Bangko Sentral ng Pilipinas|filipino|1
Pakistan|Pakistani|Islamabad|Karachi,Lahore,Peshawar|State Bank of Pakistan|pakistani|1
Bangladesh|Bangladeshi|Dhaka|Chittagong,Khulna,Sylhet|Bangladesh Bank|indian|1
Singapore|Singaporean|Singapore|Jurong|Monetary Authority of Singapore|chinese|1
Taiwan|Taiwanese|Taipei|Kaohsiung,Hsinchu,Taichung|Central Bank of the Republic of China|chinese|2
Qatar|Qatari|Doha|Lusail,Al Wakrah|Qatar Central Bank|arabic|1
Peru|Peruvian|Lima|Arequipa,Cusco,Trujillo|Central Reserve Bank of Peru|hispanic|1
Colombia|Colombian|Bogota|Medellin,Cali,Barranquilla|Bank of the Republic|hispanic|1
Ethiopia|Ethiopian|Addis Ababa|Dire Dawa,Mekelle|National Bank of Ethiopia|african|1
Morocco|Moroccan|Rabat|Casablanca,Tangier,Marrakesh|Bank Al-Maghrib|arabic|1
Switzerland|Swiss|Bern|Zurich,Geneva,Basel|Swiss National Bank|german|1
`
  .trim()
  .split('\n')
  .map((line) => {
    const [name, adj, capital, cities, bank, pool, weight] = line.split('|');
    return { name: name!, adj: adj!, capital: capital!, cities: cities!.split(','), bank: bank!, pool: pool!, weight: Number(weight) };
  });

export interface NamePool {
  male: string[];
  female: string[];
  surnames: string[];
  /** Family name first, as English-language news prints Chinese, Korean and Vietnamese names. */
  surnameFirst?: boolean;
}

export const NAME_POOLS: Record<string, NamePool> = {
  anglo: {
    male: words('James John Robert Michael David William Richard Thomas Mark Paul Andrew Steven Kevin Brian Gary Timothy Jason Matthew Ryan Daniel Christopher Peter Simon Graham Neil Stuart Ian Patrick Sean Douglas Keith Martin Jonathan Edward Gregory Philip Adam Nathan Tyler Brandon'),
    female: words('Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Lisa Nancy Sandra Ashley Emily Rachel Laura Megan Hannah Claire Fiona Amanda Rebecca Victoria Catherine Helen Alison Joanne Heather Melissa Stephanie Natalie Olivia Grace Abigail Caroline Diane'),
    surnames: words('Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen Wright Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Ward Cox Richardson Wood Watson Brooks Gray Hughes Price Sanders Myers Long Ross Foster Barnes Fisher Henderson Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Wallace Cole West Harrison Gibson Ellis Stevens Murray Ford Marshall Owens McDonald Kennedy Wells Hunt Palmer Black Lloyd Holmes Webb Hart Shaw Fletcher Dunn Hudson Kerr Whitfield Ashworth Pemberton Caldwell Thornton Gallagher Donnelly Fitzgerald Brennan Sullivan Quinn Doyle Byrne'),
  },
  indian: {
    male: words('Rahul Amit Rajesh Sanjay Vikram Arjun Rohan Anil Suresh Manoj Deepak Ravi Karthik Nitin Harsh Ashok Pradeep Vivek Gaurav Siddharth Anand Mahesh Naveen Prakash Sunil Vinod Abhishek Aditya Rakesh Ajit'),
    female: words('Priya Anjali Sunita Kavita Neha Pooja Deepa Meera Lakshmi Shreya Nisha Rekha Asha Divya Swati Radhika Shalini Aparna Geeta Smita Rashmi Vandana Ritu Padma Usha'),
    surnames: words('Sharma Verma Gupta Kumar Reddy Iyer Nair Menon Rao Joshi Mehta Shah Chopra Malhotra Bhatia Desai Kulkarni Pillai Banerjee Chatterjee Mukherjee Das Bose Sinha Mishra Pandey Tiwari Agarwal Jain Saxena Chauhan Yadav Bhattacharya Krishnan Subramanian Venkatesh Naidu Hegde Shetty Kamath Dutta Sengupta Ghosh Thakur Rathore Srivastava Dubey Trivedi Chaturvedi Bhandari Khanna Arora Sethi Grover Ahuja Talwar'),
  },
  pakistani: {
    male: words('Imran Asif Bilal Faisal Hamza Kamran Naveed Shahid Tariq Usman Zubair Adnan'),
    female: words('Ayesha Fatima Hina Nadia Saima Sana Zainab Rabia Maryam Amna'),
    surnames: words('Khan Qureshi Malik Chaudhry Butt Siddiqui Hashmi Aurangzeb Rana Awan Abbasi Niazi Dar Cheema Gillani Bokhari'),
  },
  chinese: {
    male: words('Wei Jun Hao Lei Jian Ming Qiang Tao Bo Yong Gang Feng Hui Zhiwei Xiaoming Jianguo Dong Peng Chao Kai'),
    female: words('Fang Na Jing Min Yan Xia Ying Lan Mei Xiu Hong Yun Li Qing Shu Ling Yue Xin'),
    surnames: words('Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Gao Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao'),
    surnameFirst: true,
  },
  japanese: {
    male: words('Hiroshi Takashi Kenji Satoshi Yuki Kazuo Makoto Shinji Daisuke Koji Naoki Tetsuya Akira Ryota Shigeru Masahiro Yoshihide Taro Ichiro Hideki'),
    female: words('Yoko Keiko Akiko Naomi Emi Yumi Mariko Sachiko Haruka Aya Megumi Tomoko Kaori Noriko Sanae Yuko'),
    surnames: words('Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Ikeda Hashimoto Ishikawa Ogawa Okada Fujita Goto Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota Miura Okamoto Matsuda Nakagawa'),
  },
  korean: {
    male: words('Min-jun Ji-hoon Sung-ho Jae-won Dong-hyun Young-soo Hyun-woo Tae-yang Sang-woo Jong-hoon Seung-min Kyung-soo Chul-soo Byung-hwa Hee-chul'),
    female: words('Ji-yeon Soo-jin Hye-won Eun-ji Min-seo Yoon-hee Seo-yeon Ha-eun Ji-woo Mi-kyung Sun-hee Kyung-hwa'),
    surnames: words('Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Sung Cha Joo Woo'),
    surnameFirst: true,
  },
  vietnamese: {
    male: words('Minh Tuan Hung Duc Anh Quang Thanh Long Nam Hai'),
    female: words('Lan Huong Mai Thu Linh Hoa Ngoc Trang Phuong Hanh'),
    surnames: words('Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ho Ngo Duong Ly'),
    surnameFirst: true,
  },
  german: {
    male: words('Thomas Michael Andreas Stefan Klaus Jürgen Matthias Wolfgang Jens Frank Uwe Markus Christian Sebastian Florian Tobias Dieter Helmut Joachim Rainer'),
    female: words('Anna Katrin Sabine Ulrike Birgit Julia Petra Claudia Monika Stefanie Susanne Kerstin Andrea Heike Annalena Franziska Carolin'),
    surnames: words('Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Werner Krause Lehmann Köhler Maier Herrmann Walter König Kaiser Fuchs Peters Scholl Vogel Frank Berger Winkler Lorenz Baumann Albrecht Seidel Brandt Haas Engel Sommer'),
  },
  nordic: {
    male: words('Lars Henrik Erik Anders Magnus Nils Jonas Ola Per Stian Pieter Jan Willem Sander Bas Mikael'),
    female: words('Ingrid Astrid Annika Karin Sofie Hanna Linnea Marit Kari Sanne Femke Lotte Maja Elin'),
    surnames: words('Lindqvist Johansson Andersson Nilsson Eriksson Larsson Karlsson Persson Svensson Gustafsson Larsen Hansen Jensen Nielsen Berg Haugen Solberg Bakke Dahl Halvorsen de Vries Jansen Bakker Visser Smit Mulder Dekker Bos Vermeulen Hendriks'),
  },
  french: {
    male: words('Jean Pierre Michel Philippe Alain Nicolas François Laurent Olivier Julien Bruno Éric Thierry Sébastien Antoine Guillaume Benoît Mathieu Yves Gérald'),
    female: words('Marie Nathalie Isabelle Sophie Catherine Camille Céline Élodie Amélie Valérie Sandrine Aurélie Agnès Brigitte Chantal Hélène Mathilde'),
    surnames: words('Bernard Dubois Robert Petit Durand Leroy Moreau Simon Lefebvre Michel David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Boyer Denis Lemaire Faure'),
  },
  euro: {
    male: words('Valdis Thierry Paolo Dan Johannes Wopke Raffaele Piotr Costas Apostolos Andrius Magnus Stefan'),
    female: words('Margrethe Dubravka Jutta Kadri Roxana Ekaterina Henna Stella Marta Jessika'),
    surnames: words('Dombrovskis Hoekstra Serafin Jorgensen Kos Kubilius Albuquerque Fitto Brunner Varhelyi Zaharieva Lahbib Roswall Vestager Mcgrath Suica Dimitriou Vitezslav Stojanov'),
  },
  italian: {
    male: words('Marco Giuseppe Luca Giovanni Francesco Alessandro Matteo Stefano Paolo Roberto Massimo Antonio Carlo Fabio Giancarlo Enrico'),
    female: words('Giulia Francesca Chiara Sara Valentina Alessandra Federica Silvia Martina Paola Daniela Roberta Simona Lucia'),
    surnames: words('Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo Conti Mancini Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Serra Coppola De Santis'),
  },
  hispanic: {
    male: words('José Juan Carlos Luis Miguel Javier Alejandro Diego Andrés Fernando Sergio Ricardo Eduardo Jorge Manuel Raúl Gonzalo Héctor Enrique Rodrigo'),
    female: words('María Carmen Ana Laura Lucía Sofía Isabel Elena Paula Gabriela Valeria Daniela Mercedes Pilar Verónica Rocío Adriana Beatriz Ximena Alejandra'),
    surnames: words('García Rodríguez Martínez González Hernández Pérez Sánchez Ramírez Torres Flores Rivera Gómez Díaz Morales Reyes Cruz Ortiz Gutiérrez Chávez Ramos Ruiz Vargas Castillo Jiménez Moreno Romero Herrera Medina Aguilar Navarro Domínguez Vázquez Mendoza Salazar Guerrero Cortés Castro Delgado Ortega Rubio Molina Serrano Blanco Suárez Fuentes Carrasco Iglesias Espinoza Paredes Villalobos Zamora'),
  },
  filipino: {
    male: words('Ramon Jose Rodrigo Manuel Antonio Eduardo Ferdinand Benigno Ralph Carlito'),
    female: words('Maria Corazon Gloria Leni Risa Imelda Cynthia Grace Pia Joy'),
    surnames: words('Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Villanueva Aquino Recto Pangilinan Dizon Manalo Tolentino Soriano'),
  },
  portuguese: {
    male: words('João Pedro Lucas Gabriel Rafael Felipe Gustavo Bruno Thiago Rodrigo Fernando Marcelo Paulo Luiz Ricardo Roberto Wellington'),
    female: words('Ana Juliana Mariana Beatriz Larissa Camila Fernanda Patrícia Letícia Renata Simone Tereza Marina Gleisi Luciana'),
    surnames: words('Silva Santos Oliveira Souza Lima Pereira Ferreira Costa Rodrigues Almeida Nascimento Carvalho Araújo Ribeiro Barbosa Cardoso Teixeira Rocha Mendes Martins Gomes Correia Azevedo Moura Campos Freitas Pinto Monteiro Vieira Tavares Haddad Alckmin Tebet'),
  },
  arabic: {
    male: words('Mohammed Ahmed Ali Omar Khalid Youssef Hassan Ibrahim Faisal Karim Samir Abdullah Saeed Nabil Walid Majid Sultan Hamad Mahmoud Mustafa'),
    female: words('Fatima Aisha Layla Mariam Noura Huda Rania Salma Yasmin Dina Reem Lina Hala Nadine Sara'),
    surnames: words('Al-Sayed Haddad Khoury Nasser Mansour Hamdan Saleh Aziz Rahman Farouk Abbas Hussein Jaber Karam Shami Masri Obeid Zayed Khalil Al-Jadaan Al-Rashid Al-Otaibi Al-Qahtani Al-Mazrouei Al-Thani Madbouly Abdelatty El-Khatib Benali Alaoui Tazi Bennani Chraibi'),
  },
  african: {
    male: words('Kwame Kofi Chinedu Emeka Tunde Oluwaseun Thabo Sipho Jomo Yaw Babajide Godwin Wale Mandla Cyril Enoch Kipchoge Wycliffe Tesfaye Dawit'),
    female: words('Amina Ngozi Chiamaka Adaeze Zanele Nomvula Wanjiru Akosua Folake Thandiwe Lindiwe Naledi Zainab Funmilayo Abena Mekdes Hiwot'),
    surnames: words('Okafor Adeyemi Okonkwo Mensah Boateng Nkosi Dlamini Mahlangu Otieno Mwangi Kamau Abiodun Bello Eze Nwosu Ndlovu Moyo Banda Phiri Asante Owusu Diallo Traoré Keita Ochieng Wanyama Kiprono Okoth Adebayo Ogunleye Balogun Olawale Afolabi Tinubu Edun Cardoso Godongwana Mbeki Ntshavheni Ruto Mbadi Ofori-Atta Bawumia Abebe Tadesse Girma Alemu'),
  },
  slavic: {
    male: words('Dmitri Sergei Alexei Ivan Andrei Piotr Tomasz Pavel Marek Nikolai Oleg Vladimir Yuri Mikhail Krzysztof Andrzej Taras Denys Ruslan Viktor'),
    female: words('Olga Natalia Irina Svetlana Katarzyna Magdalena Agnieszka Tatiana Yulia Oksana Elvira Anastasia Marta Iryna Ewa'),
    surnames: words('Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novak Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Horvat Dvořák Novotný Kovač Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Melnyk Siluanov Nabiullina Oreshkin Domański Sikorski Glapiński Marchenko Svyrydenko Sybiha Pyshnyy Rudenko'),
  },
  turkish: {
    male: words('Mehmet Mustafa Ahmet Hüseyin Murat Emre Burak Serkan Kemal Hakan Cevdet Fatih Ömer Yusuf Ibrahim'),
    female: words('Ayşe Fatma Zeynep Elif Emine Hatice Merve Esra Selin Deniz Gülşen Hafize Nilüfer'),
    surnames: words('Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Bolat Karahan Erkan Şimşekli Bayraktar Kacır'),
  },
  indonesian: {
    male: words('Budi Agus Joko Hendra Rizal Ahmad Arief Dedi Fajar Irfan Bahlil Airlangga Purbaya Tengku Anwar Fahmi Rafizi Amir'),
    female: words('Siti Dewi Sri Ayu Rina Putri Indah Wulan Nurul Lestari Retno Mari Nurhayati Fadhlina'),
    surnames: words('Santoso Wijaya Gunawan Susanto Hidayat Kusuma Setiawan Pratama Halim Saputra Rahmat Harahap Nasution Siregar Lubis Ismail Abdullah Yusof Lahadalia Hartarto Sadewa Zafrul Ramli Rahim Tan Lim Wong'),
  },
};

/** Syllables for the long tail of names (people, firms, towns, projects) no list holds. */
export const SYLLABLES = words('ka lo ren mi tar vel dor si an bra quen tho mar lis vo ne ri sa ge hal bor den fa ju ko le mo na pe ru ta vi ze cal dra fen gor hel ist jon kel lum mer nor orl pra ros sten tul ung var wen yor zal bel cor del esk fir gal har ild kor lin mal nev ost pel rav sol tor ulm ven');

export interface Topic {
  name: string;
  /** What a reader asks about ("what did X say about …"): phrases the articles use. */
  terms: string[];
  /** The topic's own vocabulary, used in reporting and in quotes. */
  words: string[];
  /** What officials want done about it. */
  goals: string[];
}

export const TOPICS: Topic[] = [
  ['tariffs', 'tariffs|reciprocal tariffs|trade deficit|customs duties|trade deal|steel tariffs', 'tariff levy duties imports exports quota retaliation negotiators exemptions surplus deficit steel aluminium soybeans automakers countermeasures dumping safeguards shipments importers exporters rebates carve-outs', 'lower the tariffs|reach a trade deal|avoid a trade war|protect domestic industry|rebalance trade|remove non-tariff barriers'],
  ['semiconductors', 'semiconductors|chip exports|export controls|chip fabs|advanced packaging|AI chips', 'chip chips wafer wafers foundry fab fabs lithography transistor nanometre packaging memory GPUs processors licences fabrication yields substrate design photomask HBM accelerators', 'build more fabs at home|secure the chip supply chain|tighten export controls|ease licensing rules|train more engineers'],
  ['critical minerals', 'critical minerals|rare earths|lithium|cobalt|mineral refining|supply chains', 'lithium cobalt nickel graphite gallium germanium magnets refinery smelter ore concentrate deposits mining processing tailings antimony tungsten stockpile offtake', 'diversify mineral supply|build refining capacity|reduce concentration risks|secure offtake agreements|stockpile rare earths'],
  ['oil markets', 'oil prices|OPEC output|crude exports|oil supply|production cuts', 'crude barrels output refinery pipeline cargoes tankers benchmark Brent futures reserves drilling upstream storage producers quotas shale', 'stabilise the oil market|keep output steady|rebuild strategic reserves|cut production further|keep prices in check'],
  ['energy transition', 'climate finance|emissions|renewable energy|carbon border tax|green hydrogen|energy transition', 'emissions solar wind turbines hydrogen carbon decarbonisation grid batteries offsets methane adaptation pledges renewables coal phase-out electrolysers', 'cut emissions faster|mobilise climate finance|expand renewable capacity|phase out coal|price carbon fairly'],
  ['interest rates', 'inflation|interest rates|rate cut|monetary policy|bond yields|price stability', 'inflation rates yields policymakers tightening easing basis-point core services wages consumer mortgage liquidity balance-sheet disinflation expectations', 'bring inflation back to target|keep rates on hold|cut rates gradually|anchor expectations|protect price stability'],
  ['sanctions', 'sanctions|price cap|sanctions package|shadow fleet|frozen assets', 'sanctions designations entities vessels tankers evasion enforcement waivers frozen assets oligarchs compliance listings circumvention embargo', 'tighten the sanctions|close loopholes|target the shadow fleet|use frozen assets|keep pressure on Moscow'],
  ['artificial intelligence', 'artificial intelligence|AI regulation|data centres|AI safety|compute capacity', 'models algorithms datacentre compute training inference chatbots startups regulation safety copyright watermarking sovereign-AI GPUs hyperscalers', 'regulate AI without killing innovation|build sovereign compute|protect copyright|set safety standards|invest in data centres'],
  ['digital payments', 'digital payments|UPI|stablecoins|cross-border payments|central bank digital currency', 'payments fintech wallets stablecoins settlement remittances interoperability UPI QR CBDC tokenisation banks licences fraud', 'link payment systems|regulate stablecoins|cut remittance costs|fight payment fraud|expand digital payments'],
  ['shipping', 'shipping|Red Sea|freight rates|ports|Suez Canal|container shipping', 'freight containers ports vessels shipping carriers insurers diversions Houthis canal transits berths terminals logistics charter', 'keep shipping lanes open|restore Red Sea transits|expand port capacity|cut freight costs|protect seafarers'],
  ['food security', 'food security|wheat exports|fertiliser|rice prices|grain exports', 'wheat rice grain maize fertiliser harvest crops farmers exports bans stocks prices drought yields silos procurement', 'keep grain moving|lift export bans|support farmers|rebuild food stocks|stabilise food prices'],
  ['sovereign debt', 'sovereign debt|debt restructuring|IMF programme|bond markets|debt relief', 'debt creditors bondholders restructuring default haircut eurobonds spreads ratings downgrade bailout programme tranche arrears', 'finish the debt restructuring|win IMF approval|regain market access|protect social spending|cut borrowing costs'],
  ['pharmaceuticals', 'drug prices|vaccines|generic drugs|pharmaceutical tariffs|medical supplies', 'drugs medicines generics vaccines APIs pharmacies patents trials approvals regulators biosimilars insulin prices shortages', 'lower drug prices|secure medicine supplies|protect generic exports|speed up approvals|build vaccine capacity'],
  ['electric vehicles', 'electric vehicles|EV tariffs|battery plants|auto exports|emissions standards', 'EVs batteries automakers carmakers gigafactory charging subsidies hybrids cathodes anodes dealers recalls tariffs overcapacity', 'build battery plants|protect the auto industry|expand charging networks|meet emissions standards|keep EV subsidies'],
  ['defence', 'defence spending|NATO|arms exports|military aid|ceasefire', 'defence troops missiles drones artillery ammunition procurement alliance ceasefire deterrence airspace brigades contractors', 'raise defence spending|deliver military aid|secure a ceasefire|build ammunition capacity|strengthen deterrence'],
  ['jobs', 'jobs report|unemployment|wages|labour shortages|strikes', 'jobs payrolls unemployment wages hiring layoffs strikes unions workers vacancies participation overtime apprenticeships', 'create more jobs|raise wages|end the strike|train workers|fill labour shortages'],
  ['big tech', 'antitrust|digital markets|data privacy|big tech|platform rules', 'platforms antitrust regulators fines privacy data advertising app-store monopoly gatekeepers algorithms content moderation competition', 'enforce the digital rules|protect user data|open up app stores|curb market power|hold platforms to account'],
  ['housing', 'property market|housing prices|developers|mortgage rates|home sales', 'housing homes developers mortgages rents property construction builders land permits defaults apartments sales inventory', 'build more homes|stabilise the property market|cut mortgage costs|finish stalled projects|protect buyers'],
  ['infrastructure', 'infrastructure|railways|high-speed rail|highways|public investment', 'railways highways bridges corridors ports airports metro tenders contractors concessions freight electrification viaducts', 'speed up infrastructure spending|finish the rail corridor|attract private capital|upgrade the grid|cut project delays'],
  ['budget', 'budget|fiscal deficit|tax cuts|public spending|government debt', 'budget deficit taxes spending borrowing revenue subsidies allocations cuts surplus levies exemptions ratings consolidation', 'narrow the fiscal deficit|cut taxes for the middle class|protect public spending|reduce government debt|simplify the tax code'],
  ['currencies', 'currency|exchange rates|the yen|the rupee|dollar strength', 'currency exchange yen rupee dollar euro yuan intervention depreciation reserves volatility peg forex carry-trade', 'support the currency|avoid disorderly moves|rebuild reserves|allow more flexibility|curb speculation'],
  ['agriculture', 'farm subsidies|crop prices|drought|farmers\' protests|agricultural exports', 'farmers crops subsidies drought irrigation livestock harvest dairy orchards cooperatives loans insurance protests tractors', 'support farm incomes|expand crop insurance|modernise irrigation|open export markets|end the protests'],
  ['immigration', 'H-1B visas|immigration|work permits|skilled migration|visa rules', 'visas migrants permits border asylum deportations employers sponsorship quotas students talent applications backlog', 'attract skilled workers|clear the visa backlog|secure the border|protect foreign students|reform work permits'],
].map(([name, terms, vocab, goals]) => ({ name: name!, terms: phrases(terms!), words: words(vocab!), goals: phrases(goals!) }));

export const NOUNS = words(`
government ministry agency committee parliament policy proposal plan strategy framework agreement deal partnership
cooperation investment investors market economy growth output demand supply prices costs revenue profits earnings
losses budget spending funding financing subsidies incentives taxes regulation rules standards reforms measures package
legislation bill law court ruling decision review audit report survey data figures forecast outlook estimate target
deadline timeline talks negotiations summit meeting conference delegation officials leaders lawmakers regulators
analysts economists executives companies firms manufacturers suppliers consumers households workers jobs employment
wages productivity capacity projects facilities plants factories sector industry region partners allies neighbours
rivals competition risks uncertainty volatility pressure concerns criticism opposition support momentum progress
challenges obstacles bottlenecks shortages disruptions delays resilience security stability transparency
accountability governance oversight enforcement compliance access exposure dependence diversification integration
fragmentation recovery slowdown recession downturn expansion rebound crisis shock impact consequences outcome results
benefits gains savings returns margins volumes shipments orders contracts tenders bids licences permits approvals
exemptions waivers quotas limits thresholds inventories stockpiles reserves assets liabilities loans credit bonds
equities shares dividends valuations mergers acquisitions stakes ventures startups innovation research technology
patents skills training education universities infrastructure corridors logistics warehouses networks platforms
services exports imports tourism remittances pensions welfare healthcare hospitals insurance housing rents
mortgages construction land property utilities electricity water fuel coal steel cement chemicals textiles garments
electronics machinery equipment components parts materials commodities metals grains fertilisers fisheries forests
customs borders ports airports airlines railways roads bridges ships trucks satellites cables pipelines terminals
refineries grids batteries storage emissions pollution waste recycling adaptation disasters floods heatwaves droughts
elections campaign coalition opposition cabinet ministers ambassadors envoys diplomats embassy treaty memorandum
declaration communique statement announcement briefing hearing testimony inquiry investigation probe lawsuit appeal
verdict penalty fines sanctions tariffs duties levies charges fees premiums benchmarks indices yields spreads rates
inflation deflation currency liquidity deposits lenders borrowers creditors debtors defaults restructuring bailout
stimulus rebate vouchers grants allowances quota auction procurement sourcing offshoring reshoring nearshoring
friendshoring derisking decoupling sovereignty autonomy leverage bargaining concessions demands guarantees assurances
commitments pledges promises warnings threats ultimatum deadline moratorium freeze ban curbs controls restrictions
`);

export const ADJECTIVES = words(`
strong weak global regional domestic national international economic financial political strategic critical key
major significant modest sharp steep gradual rapid slow sustained temporary permanent short-term long-term new fresh
additional further initial final formal informal joint bilateral multilateral public private state-owned foreign local
rural urban industrial commercial technical legal fiscal monetary structural cyclical competitive resilient vulnerable
fragile stable volatile uncertain cautious optimistic ambitious unprecedented historic robust sluggish uneven broad
narrow targeted comprehensive preliminary detailed transparent binding voluntary mandatory flexible rigid costly cheap
affordable expensive efficient clean green digital physical maritime coastal inland northern southern eastern western
central emerging advanced developing wealthy poorer smaller larger higher lower faster slower tighter looser deeper
wider closer stronger weaker better worse urgent pressing growing shrinking rising falling mixed solid steady renewed
heightened elevated subdued muted tepid brisk buoyant gloomy upbeat downbeat hawkish dovish protectionist liberal
conservative progressive populist nationalist pragmatic realistic unrealistic controversial contentious sensitive
`);

export const VERBS = words(`
strengthen protect support expand reduce boost raise lower increase accelerate delay secure ensure promote deliver
implement review revise extend limit restrict ease tighten address tackle resolve negotiate finalise approve reject
block challenge defend invest fund finance develop upgrade modernise diversify integrate align coordinate monitor assess
evaluate consider explore pursue prioritise balance stabilise restore rebuild deepen broaden launch unveil propose
announce introduce remove scrap suspend resume reopen expand attract retain encourage discourage prevent avoid manage
reform simplify streamline clarify publish disclose require allow enable empower help improve enhance safeguard
preserve maintain sustain lift impose levy collect double halve triple phase ramp scale localise reshore shift
`);

/** Verbs that do not just add -ed and -ing. */
export const IRREGULAR: Record<string, [string, string]> = {
  cut: ['cut', 'cutting'], build: ['built', 'building'], set: ['set', 'setting'], spend: ['spent', 'spending'], sell: ['sold', 'selling'],
  hold: ['held', 'holding'], keep: ['kept', 'keeping'], win: ['won', 'winning'], lead: ['led', 'leading'], seek: ['sought', 'seeking'],
  bring: ['brought', 'bringing'], make: ['made', 'making'], take: ['taken', 'taking'], give: ['given', 'giving'], rise: ['risen', 'rising'],
  fall: ['fallen', 'falling'], grow: ['grown', 'growing'], stop: ['stopped', 'stopping'], plan: ['planned', 'planning'], ship: ['shipped', 'shipping'],
};

export const PAST_TRENDS = words('rose fell climbed slipped jumped dropped edged surged plunged rebounded eased slowed accelerated widened narrowed stabilised doubled halved tumbled soared');

export const AGENCIES = phrases(`the Bureau of Labor Statistics|Eurostat|the National Bureau of Statistics|the Commerce Ministry|customs data|S&P Global|LSEG data|Kpler|the International Energy Agency|the World Trade Organization|the International Monetary Fund|the World Bank|the Asian Development Bank|the OECD|the Ministry of Finance|the central bank|the statistics office|the Census Bureau|the Energy Information Administration|the Office for National Statistics|Destatis|the Cabinet Office|the Directorate General of Commercial Intelligence and Statistics|Statistics Canada|the Australian Bureau of Statistics|the Korea Customs Service|Japan's Ministry of Finance|the General Administration of Customs|the Federal Reserve Bank of New York|the Institute for Supply Management|Caixin|HSBC|the Conference Board|the University of Michigan|the Port Authority|the Ministry of Commerce and Industry`);

export const FIRMS = phrases(`Goldman Sachs|JPMorgan|Morgan Stanley|Citi|HSBC|Barclays|Deutsche Bank|Nomura|UBS|BNP Paribas|ING|Capital Economics|Oxford Economics|Moody's Analytics|Fitch Ratings|S&P Global Ratings|ICRA|CRISIL|Macquarie|Standard Chartered|Societe Generale|Natixis|Commerzbank|Mizuho|MUFG|Daiwa|DBS|OCBC|Maybank|Kotak Institutional Equities|Nomura Research Institute|Eurasia Group|Rystad Energy|Wood Mackenzie|BloombergNEF|Benchmark Mineral Intelligence|Counterpoint Research|TrendForce|Gartner|IDC|Pantheon Macroeconomics|ING Think|Rabobank|Allianz|Pictet|Amundi|BlackRock|Vanguard|PIMCO|Bernstein|Jefferies|Evercore ISI|Wells Fargo|Bank of America|RBC Capital Markets|TD Securities|Scotiabank|ANZ|Westpac|Absa|Rand Merchant Bank|Ecobank|Renaissance Capital|ICICI Securities|Nuvama|Motilal Oswal|Emkay Global|Elara Capital|Bank of Baroda|State Bank of India|Axis Bank`);

export const REAL_COMPANIES = phrases(`Nvidia|Apple|Microsoft|Alphabet|Amazon|Meta|Samsung Electronics|SK Hynix|TSMC|Intel|AMD|Qualcomm|Micron|ASML|Boeing|Airbus|Tesla|BYD|Toyota|Volkswagen|Hyundai Motor|Stellantis|General Motors|Ford|Shell|BP|Saudi Aramco|ExxonMobil|Chevron|TotalEnergies|Glencore|Rio Tinto|BHP|Albemarle|Tata Steel|Reliance Industries|Infosys|Tata Consultancy Services|Adani Group|Maersk|Siemens|Sony|Huawei|Xiaomi|CATL|Lynas Rare Earths|MP Materials|Vale|Anglo American|Nestle|Unilever|Pfizer|Sun Pharma|Dr Reddy's|Novo Nordisk|OpenAI|Anthropic|Foxconn|Panasonic|LG Energy Solution|Hitachi|Mitsubishi|Larsen & Toubro|JSW Steel|Bharti Airtel|Petrobras|Pemex|Codelco|Gazprom|Rosneft|Equinor|ADNOC|QatarEnergy|Emirates|Air India|IndiGo|Zomato|Paytm|PhonePe|Ant Group|Alibaba|Tencent|ByteDance|Baidu|Grab|GoTo|Sea Limited`);

export const COMPANY_SUFFIXES = phrases(`Holdings|Energy|Mining|Semiconductor|Capital|Logistics|Pharma|Motors|Steel|Systems|Foods|Group|Industries|Telecom|Airlines|Shipping|Resources|Technologies|Materials|Metals|Power|Solar|Chemicals|Textiles|Agritech|Biosciences|Robotics|Networks|Infrastructure|Minerals|Petroleum|Batteries|Electronics|Aerospace|Dynamics|Ventures|Financial|Insurance|Realty|Cement`);

export const UNIVERSITIES = phrases(`Harvard University|the London School of Economics|Peking University|the Indian Institute of Technology Delhi|Tsinghua University|Sciences Po|the University of Tokyo|Seoul National University|the National University of Singapore|Columbia University|the University of Cape Town|Stanford University|the University of Oxford|King's College London|Jawaharlal Nehru University|the University of Sao Paulo|the Kiel Institute|the Peterson Institute for International Economics|the Brookings Institution|the Center for Strategic and International Studies|Chatham House|the Observer Research Foundation|Bruegel|the Lowy Institute|the Carnegie Endowment|the Atlantic Council|the Council on Foreign Relations|the Hinrich Foundation|the Mercator Institute for China Studies|the University of Nairobi|the American Enterprise Institute|the Cato Institute`);

export const ASSOCIATIONS = phrases(`the Confederation of Indian Industry|the Federation of Indian Chambers of Commerce and Industry|the National Association of Manufacturers|the US Chamber of Commerce|BusinessEurope|the Semiconductor Industry Association|the American Petroleum Institute|the Korea International Trade Association|Keidanren|the Confederation of British Industry|the European Automobile Manufacturers' Association|the National Farmers Union|the AFL-CIO|the United Auto Workers|the Federation of German Industries|the Engineering Export Promotion Council|the Federation of Indian Export Organisations|the China Chamber of Commerce|the American Chamber of Commerce in China|the European Chamber of Commerce|the Retail Industry Leaders Association|the National Retail Federation|the International Chamber of Shipping|the World Shipping Council|the Steel Manufacturers Association|the Solar Energy Industries Association|the Society of Indian Automobile Manufacturers|the Japan Automobile Manufacturers Association|the Minerals Council South Africa|the Kenya Association of Manufacturers`);

export const US_STATES = words('Ohio Texas Florida Michigan Pennsylvania Arizona Georgia California Wisconsin Iowa Idaho Utah Nevada Montana Kansas Oregon Virginia Colorado Minnesota Tennessee Kentucky Alabama Louisiana Missouri Indiana Maryland Nebraska Oklahoma Arkansas Maine');
export const COMMITTEES = words('Finance Banking Commerce Energy Agriculture Judiciary Budget Appropriations Intelligence');
export const PORTFOLIOS = phrases('Finance|Trade|Commerce|Industry|Energy|Foreign Affairs|Economy|Agriculture|Defence|Mines|Transport|Health|Environment|Labour|Digital Affairs|Electronics and IT|Petroleum|Home Affairs|Investment|Commerce and Industry');
export const US_DEPARTMENTS = phrases('Treasury|Commerce|Energy|State|Defense|Agriculture|Labor|Interior|Transportation|Homeland Security|Health and Human Services');

/** Portfolio or department to the topics its holder talks about. */
export const PORTFOLIO_TOPICS: Record<string, string[]> = {
  Finance: ['budget', 'sovereign debt', 'interest rates', 'currencies', 'tariffs'],
  Treasury: ['tariffs', 'sanctions', 'sovereign debt', 'currencies', 'critical minerals'],
  Trade: ['tariffs', 'semiconductors', 'critical minerals', 'food security'],
  Commerce: ['tariffs', 'semiconductors', 'artificial intelligence', 'critical minerals'],
  'Commerce and Industry': ['tariffs', 'electric vehicles', 'pharmaceuticals', 'semiconductors'],
  Industry: ['electric vehicles', 'semiconductors', 'critical minerals', 'jobs'],
  Energy: ['oil markets', 'energy transition', 'critical minerals'],
  Petroleum: ['oil markets', 'energy transition', 'shipping'],
  Mines: ['critical minerals', 'energy transition'],
  'Foreign Affairs': ['sanctions', 'defence', 'immigration'],
  State: ['sanctions', 'defence', 'immigration'],
  Economy: ['budget', 'interest rates', 'jobs', 'housing'],
  Agriculture: ['agriculture', 'food security'],
  Defence: ['defence', 'sanctions'],
  Defense: ['defence', 'sanctions'],
  Transport: ['infrastructure', 'shipping', 'electric vehicles'],
  Transportation: ['infrastructure', 'shipping', 'electric vehicles'],
  Health: ['pharmaceuticals'],
  'Health and Human Services': ['pharmaceuticals'],
  Environment: ['energy transition', 'agriculture'],
  Interior: ['critical minerals', 'energy transition'],
  Labour: ['jobs', 'immigration'],
  Labor: ['jobs', 'immigration'],
  'Digital Affairs': ['big tech', 'artificial intelligence', 'digital payments'],
  'Electronics and IT': ['semiconductors', 'artificial intelligence', 'digital payments', 'critical minerals'],
  'Home Affairs': ['immigration', 'defence'],
  'Homeland Security': ['immigration', 'defence'],
  Investment: ['infrastructure', 'budget', 'semiconductors'],
};

export const WIRES = ['Reuters', 'AP', 'AFP', 'PTI', 'IANS', 'ANI', 'Bloomberg', 'Yonhap', 'Kyodo', 'Xinhua', 'ANTARA', 'Bernama', 'EFE', 'dpa'];

export const OUTLETS = phrases(`The Hindu|Times of India|Economic Times|Mint|Business Standard|Hindustan Times|The Indian Express|NDTV|Devdiscourse|Korea Herald|Korea JoongAng Daily|The Korea Times|Japan Times|Nikkei Asia|The Mainichi|South China Morning Post|Global Times|Straits Times|Channel NewsAsia|Jakarta Post|Jakarta Globe|Malay Mail|The Star|Gulf News|Arab News|The National|Ahram Online|Daily Nation|The East African|Premium Times|Punch|BusinessDay|Moneyweb|News24|Daily Maverick|Deutsche Welle|France 24|Le Monde|The Guardian|The Independent|Financial Post|CNBC|CNN|ABC News|CBS News|NPR|Politico|The Hill|Axios|The Globe and Mail|CBC News|Sydney Morning Herald|ABC Australia|Folha de S.Paulo|El Pais|El Universal|Clarin|Kyiv Independent|Hurriyet Daily News|VnExpress|Philippine Daily Inquirer|Dawn|The Daily Star|Yahoo Finance|MarketWatch|Fortune|Euronews|Al Jazeera|Voice of America|Radio Free Europe|Caixin Global|The Business Times|Taipei Times|Focus Taiwan|Buenos Aires Times|Mexico News Daily|Rappler|BusinessWorld|Khaleej Times|Zawya|The Citizen|Anadolu Agency|TASS|Ukrinform|Notes from Poland|Barron's|Forbes|Quartz|Semafor|Rest of World|The Diplomat|Asia Times|Eurasia Review|Modern Diplomacy`);

export const AUTHORS = phrases(`Anand Patel|Maria Lopez|Tom Becker|Asha Rao|Kenji Mori|Sara Nilsen|Daniel Okoro|Lucia Ferri|David Lawder|Andrea Shalal|Nupur Anand|Aftab Ahmed|Manoj Kumar|Sarita Chaganti Singh|Joyce Lee|Heekyong Yang|Kantaro Komiya|Leika Kihara|Yew Lun Tian|Laurie Chen|Philip Blenkinsop|Jan Strupczewski|Francesco Guarascio|Gavin Maguire|Ahmad Ghaddar|Florence Tan|Rajesh Kumar Singh|Sudarshan Varadhan|Promit Mukherjee|Nelson Banya|Duncan Miriri|Camillus Eboh|Marcela Ayres|Lisandra Paraguassu|Ana Mano|Dave Graham|Kylie MacLellan|William James|Andreas Rinke|Leigh Thomas|Giuseppe Fonte|Belén Carreño|Pawel Florkiewicz|Tom Balmforth|Orhan Coskun|Chayut Setboonsarng|Stefanno Sulaiman|Rozanna Latiff|Karen Lema|Khanh Vu|Ben Blanchard|Sarah Wu|Byron Kaye|Renju Jose|Steve Scherer|Ismail Shakil|Nivedita Bhattacharjee|Jeff Mason|Trevor Hunnicutt|Susan Heavey|Doina Chiacu|Makini Brice|Kanishka Singh|Ethan Wang|Tim Kelly|Satoshi Sugiyama|Ju-min Park|Hyonhee Shin|Josh Smith`);

export const EDITORS = phrases('Sam Holmes|Alex Richardson|Mark Potter|Kim Coghill|Jacqueline Wong|Raju Gopalakrishnan|Clarence Fernandez|Christian Schmollinger|Himani Sarkar|Nick Zieminski|Leslie Adler|Chizu Nomiyama|Andrea Ricci|David Gregorio|Edmund Klamann|Jamie Freed|Tom Hogue|Lincoln Feast');

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Names a question may ask about that no article mentions (they must never be generated). */
export const ABSENT = ['Narendra Modi', 'Olaf Scholz', 'Giorgia Meloni', 'Mark Carney', 'Luiz Lula', 'Cyril Ramaphosa', 'Anthony Albanese', 'Claudia Sheinbaum'];
