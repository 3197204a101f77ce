import type { ClienteleKind, NoteKind, Tier } from '../../catalog/model';
import type { EntryRef, ProblemCode, ProblemDetail } from '../../catalog/problem';
import type { FindingKind } from '../../query/check-source';
import type { EntityKind } from '../../query/resolve-name';
import type { SearchField } from '../../query/search-catalog';
import { codePointName, count, excerptAround, formatNumber, plural, type FindingWords } from './messages';
import { fr } from './typography';

/** What validation problems say: one sentence per kind of detail, given that detail. */
type ProblemSentences = { readonly [K in ProblemDetail['id']]: (d: Extract<ProblemDetail, { id: K }>) => string };

const TYPES = {
  object: fr`un tableau associatif (clé : valeur)`,
  array: fr`une liste`,
  string: fr`du texte`,
  boolean: fr`true ou false`,
  integer: fr`un nombre entier`,
  number: fr`un nombre`,
  null: fr`null`,
} as const;

// The YAML parser's errors by their code (its own explanations are English; the English messages quote them).
// Each says what every error of its code means: a code covers errors of several meanings (MISSING_CHAR is an
// unclosed quote, but also a dedented line read as a list item without its dash), which YAML_MESSAGES tells apart.
const YAML_ERRORS: Readonly<Record<string, string>> = {
  ALIAS_PROPS: fr`un alias ne peut porter ni ancre ni étiquette`,
  BAD_ALIAS: fr`ancre ou alias invalide`,
  BAD_DIRECTIVE: fr`directive YAML invalide`,
  BAD_DQ_ESCAPE: fr`séquence d’échappement invalide dans un texte entre guillemets`,
  BAD_INDENT: fr`indentation incorrecte`,
  BAD_PROP_ORDER: fr`ancre ou étiquette mal placée`,
  BAD_SCALAR_START: fr`une valeur sans guillemets ne peut pas commencer par ce caractère`,
  BLOCK_AS_IMPLICIT_KEY: fr`bloc mal placé : il ne peut servir ni de clé ni de valeur sur la ligne d’une clé`,
  BLOCK_IN_FLOW: fr`un bloc ne peut pas figurer entre crochets ou accolades`,
  IMPOSSIBLE: fr`structure YAML impossible à lire`,
  MISSING_CHAR: fr`il manque ici un caractère que la syntaxe YAML demande`,
  MULTILINE_IMPLICIT_KEY: fr`une clé doit tenir sur une seule ligne`,
  MULTIPLE_ANCHORS: fr`un nœud ne peut porter qu’une ancre`,
  MULTIPLE_TAGS: fr`un nœud ne peut porter qu’une étiquette`,
  NON_STRING_KEY: fr`une clé doit être du texte`,
  RESOURCE_EXHAUSTION: fr`document trop coûteux à lire`,
  TAG_RESOLVE_FAILED: fr`étiquette YAML impossible à résoudre`,
  UNEXPECTED_TOKEN: fr`élément inattendu à cet endroit`,
  BAD_COLLECTION_TYPE: fr`type de collection invalide`,
};

/** What the parser calls a collection between brackets or braces, as French names it. */
function flowName(english: string): string {
  return english.toLowerCase() === 'flow map' ? fr`d’un tableau associatif entre accolades` : fr`d’une liste entre crochets`;
}

/**
 * The parser's messages (yaml 2), each said in French, matched on the English the parser gives (which the English
 * catalogue shows as it is): the same thing in both languages, where the code alone would say less or something else.
 * A message not listed here (a new one of a later parser) gets its code's sentence, which is true of all its messages.
 */
const YAML_MESSAGES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^Missing closing (["'])quote$/, (m) => fr`le texte entre guillemets n’est pas fermé : il manque le guillemet fermant « ${m[1]!} »`],
  [/^Sequence item without - indicator$/, () => fr`élément de liste sans tiret « - »`],
  [/^Implicit map keys need to be followed by map values$/, () => fr`une clé doit être suivie d’une valeur`],
  [/^Missing , between (flow map|flow sequence) items$/, (m) => fr`il manque une virgule entre les éléments ${flowName(m[1]!)}`],
  [/^Missing , or : between (flow map|flow sequence) items$/, (m) => fr`il manque une virgule ou un deux-points entre les éléments ${flowName(m[1]!)}`],
  [/^Missing space after : in (flow map|flow sequence)$/, (m) => fr`il manque une espace après le deux-points dans les éléments ${flowName(m[1]!)}`],
  [/^(Flow map|Flow sequence) must end with an? ([\]}])$/, (m) => fr`il manque le « ${m[2]!} » qui ferme les éléments ${flowName(m[1]!)}`],
  [
    /^(Flow map|Flow sequence) in block collection must be sufficiently indented and end with an? ([\]}])$/,
    (m) => fr`les éléments ${flowName(m[1]!)} dans un bloc doivent être assez indentés et finir par « ${m[2]!} »`,
  ],
  [/^Flow end indicator should be more indented than parent$/, () => fr`le crochet ou l’accolade qui ferme doit être plus indenté que son parent`],
  [
    /^Tags and anchors must be separated from the next token by white space$/,
    () => fr`une étiquette ou une ancre doit être séparée de ce qui la suit par une espace`,
  ],
  [
    /^Comments must be separated from other tokens by white space characters$/,
    () => fr`un commentaire (#) doit être séparé de ce qui le précède par une espace`,
  ],
  [/^Missing directives-end(?:\/doc-start)? indicator line$/, () => fr`il manque la ligne « --- » qui termine les directives`],
  [/^Block collection cannot start on same line with directives-end marker$/, () => fr`un bloc ne peut pas commencer sur la ligne du « --- »`],
  [/^Missing newline after block sequence props$/, () => fr`il manque un retour à la ligne après l’ancre ou l’étiquette d’une liste`],
  [/^All mapping items must start at the same column$/, () => fr`les clés d’un même tableau associatif doivent toutes commencer à la même colonne`],
  [/^All sequence items must start at the same column$/, () => fr`les éléments d’une même liste doivent tous commencer à la même colonne`],
  [/^Block scalar values in collections must be indented$/, () => fr`un bloc de texte dans une collection doit être indenté`],
  [
    /^Block scalar lines must not be less indented than their (first line|explicit indentation indicator)$/,
    (m) =>
      m[1] === 'first line'
        ? fr`une ligne d’un bloc de texte est moins indentée que sa première ligne`
        : fr`une ligne d’un bloc de texte est moins indentée que l’indentation indiquée`,
  ],
  [
    /^Block scalars with more-indented leading empty lines must use an explicit indentation indicator$/,
    () => fr`un bloc de texte qui commence par des lignes vides plus indentées doit indiquer son indentation`,
  ],
  [/^Nested mappings are not allowed in compact mappings$/, () => fr`un tableau associatif compact (sur une ligne) ne peut pas en contenir un autre`],
  [/^A block sequence may not be used as an implicit map key$/, () => fr`une liste en bloc ne peut pas servir de clé`],
  [/^Implicit keys need to be on a single line$/, () => fr`une clé doit tenir sur une seule ligne`],
  [/^Implicit keys of flow sequence pairs need to be on a single line$/, () => fr`une clé d’une paire entre crochets doit tenir sur une seule ligne`],
  [/^Unresolved tag: (.+)$/, (m) => fr`étiquette YAML inconnue : ${m[1]!}`],
  [/^Anchor cannot be an empty string$/, () => fr`une ancre ne peut pas être vide`],
  [/^Alias cannot be an empty string$/, () => fr`un alias ne peut pas être vide`],
  [/^Anchor ending in : is ambiguous$/, () => fr`une ancre qui finit par un deux-points est ambiguë`],
  [/^Alias ending in : is ambiguous$/, () => fr`un alias qui finit par un deux-points est ambigu`],
  [/^Invalid escape sequence (.+)$/, (m) => fr`séquence d’échappement invalide dans un texte entre guillemets : ${m[1]!}`],
];

/** A YAML error of the parser in French: its message's meaning where it is known, else its code's. */
function yamlError(code: string, english: string): string {
  for (const [pattern, say] of YAML_MESSAGES) {
    const m = pattern.exec(english);
    if (m !== null) return say(m);
  }
  return YAML_ERRORS[code] ?? fr`erreur de syntaxe YAML (${code})`;
}

const FORMATS_FR = {
  date: fr`une date AAAA-MM-JJ`,
  sha256: fr`une empreinte SHA-256 (64 chiffres hexadécimaux en minuscules)`,
  url: fr`une adresse http:// ou https:// sans espace`,
} as const;

const ENTRIES = { service: fr`service`, clientele: fr`clientèle`, category: fr`catégorie` } as const;

function place(at: string): string {
  return at === '' ? fr`le catalogue` : at;
}

/** Les identifiants les plus proches d’un identifiant inconnu, après la phrase qui le nomme. */
function near(ids: readonly string[]): string {
  return ids.length === 0 ? '' : fr` ; vouliez-vous dire : ${ids.join(', ')}`;
}

/**
 * Tout ce que l'outil dit, en français. This catalogue defines the keys and
 * the arguments of every sentence (the type Messages is its type); each
 * sentence is written with the tag `fr`, which spaces its punctuation as
 * French typography wants and leaves the values put into it as they are.
 */
export const french = {
  program: {
    description: fr`Qui peut utiliser quel service en ligne de la RAMQ : réponses tirées d’un catalogue vérifié de la page « Liste des services en ligne » de la RAMQ.`,
    version: fr`affiche le numéro de version`,
    help: fr`affiche l’aide de la commande`,
    helpCommand: fr`affiche l’aide d’une commande`,
  },
  punctuation: { colon: fr` : `, semicolon: fr` ; ` },
  titles: {
    'Usage:': fr`Utilisation :`,
    'Arguments:': fr`Arguments :`,
    'Options:': fr`Options :`,
    'Global Options:': fr`Options de toutes les commandes :`,
    'Commands:': fr`Commandes :`,
    'Examples:': fr`Exemples :`,
    'Exit codes:': fr`Codes de sortie :`,
  },
  exitCodes: {
    0: fr`une réponse a été donnée ; can a répondu oui ; validate, diff, fmt et check-source n’ont rien trouvé à signaler`,
    1: fr`can a répondu non ; validate a trouvé des problèmes ; diff, des changements ; fmt --check, un fichier à réécrire ; check-source, des différences`,
    2: fr`erreur d’utilisation : option ou argument invalide, nom inconnu ou ambigu, fichier qui n’existe pas`,
    3: fr`le catalogue ne peut pas être chargé ou n’est pas valide (pour check-source, aussi une page sans liste d’accès)`,
    69: fr`check-source n’a pas pu télécharger la page à son adresse`,
    70: fr`erreur interne : un défaut du logiciel`,
    74: fr`erreur d’entrée-sortie : une lecture ou une écriture refusée par le système, ou un fichier que fmt ou check-source --write refuse d’écrire`,
  },
  choices: (list: string) => fr`(au choix : ${list})`,
  placeholders: {
    options: fr`options`,
    command: fr`commande`,
    clientele: fr`clientèle`,
    service: fr`service`,
    name: fr`nom`,
    what: fr`quoi`,
    words: fr`mots`,
    files: fr`fichiers`,
    old: fr`ancien`,
    new: fr`nouveau`,
    shell: fr`shell`,
    path: fr`chemin`,
    lang: fr`langue`,
    tier: fr`niveau`,
    category: fr`catégorie`,
    format: fr`format`,
    page: fr`page`,
    seconds: fr`secondes`,
  },
  commands: {
    validate: fr`vérifie des fichiers de catalogue selon le schéma et les règles de sens (par défaut : le catalogue utilisé ; « - » lit l’entrée standard)`,
    services: fr`tous les services qu’une clientèle peut utiliser, par niveau d’accès, avec conditions et accès hérités`,
    who: fr`toutes les clientèles que le catalogue nomme pour un service, par niveau d’accès, avec conditions`,
    can: fr`indique si une clientèle peut utiliser un service (code 0 oui, 1 non)`,
    show: fr`tout sur un service, une clientèle ou une catégorie`,
    list: fr`liste les services, les clientèles ou les catégories`,
    search: fr`cherche des mots et leur famille dans les noms, descriptions et notes, en français et en anglais (sans égard aux accents ni à la casse)`,
    matrix: fr`clientèles par services, une lettre par niveau d’accès`,
    diff: fr`ce qui a changé de sens entre deux catalogues : entrées, accès, conditions, et qui gagne ou perd quoi (code 1 s’il y a un changement)`,
    'check-source': fr`compare le catalogue à la page « Liste des services en ligne » (enregistrée, texte copié ou HTML, ou téléchargée par son adresse) : accès en plus ou en moins, niveaux, conditions, services ou clientèles nouveaux (code 1 s’ils diffèrent ; --write applique les différences d’accès)`,
    fmt: fr`réécrit des fichiers de catalogue sous forme canonique, sur place et de façon atomique (par défaut : le catalogue utilisé ; « - » formate l’entrée standard vers la sortie standard)`,
    export: fr`écrit tout le catalogue en une page HTML autonome (tableau, filtres, recherche, détails) ou en JSON`,
    completion: fr`affiche un script de complétion (bash, zsh ou fish) pour les commandes, options, valeurs et noms du catalogue`,
    __complete: fr`affiche les complétions possibles des mots après « -- » (utilisé par les scripts de complétion)`,
  },
  args: {
    clientele: fr`une clientèle, nommée comme vous le feriez (podiatre, podiatrist, IPS…)`,
    clienteleOfCan: fr`une clientèle (mettez entre guillemets un nom de plusieurs mots)`,
    service: fr`un service`,
    serviceOfWho: fr`un service, par nom, sigle ou identifiant (SELAT, FacturActe…)`,
    name: fr`un nom, un sigle ou un identifiant`,
    listWhat: fr`services, clienteles ou categories`,
    words: fr`les mots à chercher`,
    files: fr`fichiers de catalogue (« - » pour l’entrée standard)`,
    old: fr`le catalogue d’avant (« - » pour l’entrée standard)`,
    new: fr`le catalogue d’après (« - » pour l’entrée standard)`,
    shell: fr`bash, zsh ou fish`,
    typedWords: fr`les mots tapés jusqu’ici`,
    page: fr`la page : une adresse http:// ou https:// à télécharger, son texte copié d’un navigateur, ou le fichier HTML enregistré (« - » pour l’entrée standard ; par défaut : la source.url du catalogue, téléchargée)`,
  },
  options: {
    catalog: fr`fichier de catalogue à utiliser (« - » pour l’entrée standard ; par défaut : $RAMQ_ACCESS_CATALOG, sinon le catalog.yaml intégré)`,
    lang: fr`langue des réponses (par défaut : selon la locale, sinon le français)`,
    stdinFilepath: fr`le chemin du fichier lu sur l’entrée standard (« - ») : messages, annotations GitHub, SARIF et JSON le nomment ainsi plutôt que <stdin>`,
    color: fr`colore la sortie même hors d’un terminal`,
    noColor: fr`ne colore jamais la sortie (NO_COLOR est aussi respecté)`,
    debug: fr`affiche la pile d’appels d’une erreur interne`,
    tier: fr`seulement les accès de ce niveau`,
    category: fr`seulement les services de cette catégorie (identifiant ou nom)`,
    own: fr`seulement les accès propres à la clientèle, sans ceux hérités d’un parent (ce qu’une IPSPL obtient de plus qu’une IPS)`,
    expand: fr`ajoute les clientèles qui héritent d’un accès d’une clientèle parente`,
    write: fr`applique au fichier du catalogue les différences d’accès (ajout ou retrait d’un accès, niveau, condition), sur place et de façon atomique, et y note la date et l’empreinte de la page vérifiée ; n’invente aucune entrée : pour un service ou une clientèle nouveaux, affiche un gabarit à remplir`,
    timeout: fr`pour une page téléchargée par son adresse : les secondes d’attente de toute la réponse, redirections comprises (par défaut : 30)`,
    force: fr`avec --write : écrit même une lecture de la page qui semble fautive (une liste lue vide, plus du quart des accès retirés d’un coup)`,
    check: fr`n’écrit rien ; affiche un diff unifié et sort avec le code 1 si un fichier n’est pas sous forme canonique`,
    shell: fr`le shell qui demande`,
    format: (def: string, aliases: readonly (readonly [string, string])[]) =>
      fr`format de sortie (par défaut : ${def}${aliases.map(([a, f]) => fr` ; ${a} veut dire ${f}`).join('')})`,
    json: fr`raccourci de --format json`,
    batch: (line: string) => fr`lit une question par ligne sur l’entrée standard (${line}) ; écrit une ligne JSON par réponse (NDJSON)`,
  },
  batchLines: { clientele: fr`une clientèle`, service: fr`un service`, pair: fr`clientèle<TAB>service` },
  completion: {
    /** What the zsh script says when zsh's completion system was never loaded (no compinit by the first prompt). */
    zshNeedsCompinit: fr`la complétion a besoin du système de complétion de zsh : ajoutez « autoload -Uz compinit && compinit » à ~/.zshrc`,
  },
  stdinPurposes: {
    catalogue: fr`le catalogue (--catalog -)`,
    validate: fr`un catalogue à valider`,
    format: fr`un catalogue à formater`,
    diffOld: fr`l’ancien catalogue de diff`,
    diffNew: fr`le nouveau catalogue de diff`,
    batch: fr`les questions de --batch`,
    page: fr`la page à comparer`,
  },
  errors: {
    missingArgument: (name: string) => fr`argument manquant : ${name}`,
    tooManyWords: (words: number, max: number) =>
      fr`search prend au plus ${max} mots différents, pas ${formatNumber('fr', words)} : cherchez les mots qui comptent`,
    matrixTooLarge: (cells: number, max: number) =>
      fr`la matrice aurait ${formatNumber('fr', cells)} cases (plus de ${formatNumber('fr', max)}) : limitez-la avec --category, ou demandez --format json, qui ne liste que les accès qui existent`,
    optionMissingArgument: (flags: string) => fr`l’option ${flags} demande une valeur`,
    unknownOption: (option: string) => fr`option inconnue : ${option}`,
    unknownCommand: (command: string) => fr`commande inconnue : ${command}`,
    didYouMean: (suggestion: string) => fr`vouliez-vous dire ${suggestion} ?`,
    /** Several suggestions as near as each other, listed. */
    didYouMeanOneOf: (suggestions: string) => fr`vouliez-vous dire l’un de ${suggestions} ?`,
    excessArguments: (command: string, expected: number, got: number) =>
      fr`trop d’arguments pour ${command} : elle en prend ${formatNumber('fr', expected)}, en voici ${formatNumber('fr', got)}`,
    invalidChoice: (value: string, what: string, choices: string) => fr`${what} : « ${value} » n’est pas l’un de ${choices}`,
    optionNamed: (flags: string) => fr`option ${flags}`,
    argumentNamed: (name: string) => fr`argument ${name}`,
    usageOther: (message: string) => fr`utilisation incorrecte : ${message}`,
    seeHelp: (helpCommand: string) => fr`Saisissez « ${helpCommand} » pour plus d’informations.`,
    batchArguments: (line: string) => fr`avec --batch, les questions viennent de l’entrée standard, une par ligne (${line}), pas des arguments`,
    batchFormat: (format: string) => fr`--batch écrit un document JSON par ligne (NDJSON) ; --format ${format} ne peut pas l’accompagner`,
    jsonAndFormat: (format: string) => fr`--json et --format ${format} demandent deux formats ; donnez-en un seul`,
    stdinTwice: (first: string, second: string) => fr`l’entrée standard (« - ») est déjà lue pour ${first} ; elle ne peut pas aussi servir pour ${second}`,
    catalogUnused: (command: string, reads: 'files' | 'no') =>
      fr`--catalog nomme le catalogue dont une commande se sert, et ${command} ${reads === 'files' ? fr`lit plutôt les fichiers qu’on lui donne : donnez le catalogue comme l’un d’eux` : fr`ne lit aucun catalogue : omettez --catalog`}`,
    stdinFilepathUnused: fr`--stdin-filepath nomme le fichier lu sur l’entrée standard ; cette commande n’en lit aucun (un fichier « - », ou --catalog -)`,
    stdinFilepathEmpty: fr`--stdin-filepath demande un chemin non vide`,
    stdinBoth: (first: string, second: string) =>
      fr`l’entrée standard (« - ») n’est lue qu’une fois : elle ne peut pas servir à la fois pour ${first} et pour ${second}`,
    stdinUnreadable: (reason: string) => fr`impossible de lire l’entrée standard : ${reason}`,
    cannotUseCatalogue: (file: string) => fr`impossible d’utiliser le catalogue ${file} :`,
    cannotCompare: fr`comparaison impossible :`,
    leftUntouched: (file: string) => fr`${file} laissé tel quel : ce n’est pas un catalogue valide`,
    notCanonical: (file: string) => fr`${file} n’est pas sous forme canonique`,
    tooManyChanges: (file: string, limit: number, removed: number, added: number) =>
      fr`${file} : plus de ${formatNumber('fr', limit)} lignes changent (au moins ${count('fr', removed, fr`ligne retirée`, fr`lignes retirées`)} et ${formatNumber('fr', added)} ${plural('fr', added, fr`ajoutée`, fr`ajoutées`)}), trop pour les montrer en patch ; fmt le réécrit`,
    formatted: (file: string) => fr`${file} formaté`,
    cannotWrite: (stream: string, reason: string) => fr`impossible d’écrire sur ${stream} : ${reason}`,
    cannotWriteFile: (file: string, reason: string) => fr`impossible d’écrire ${file} : ${reason}`,
    writeRefused: {
      readOnly: (mode: string) => fr`il est en lecture seule (mode ${mode}) ; rendez-le modifiable d’abord (chmod u+w)`,
      hardLinks: (links: number) =>
        fr`il a ${formatNumber('fr', links)} noms (liens physiques) : le remplacer laisserait l’ancien texte sous les autres, et l’écrire sur place ne serait pas atomique`,
      owner: (uid: number, gid: number) =>
        fr`il appartient à un autre utilisateur ou groupe (uid ${uid}, gid ${gid}), qu’un fichier écrit par cet utilisateur ne garderait pas`,
      changed: fr`il a changé depuis sa lecture ; laissé tel qu’il est maintenant (relancez la commande)`,
      notRegular: fr`ce n’est pas un fichier ordinaire`,
    },
    streams: { stdout: fr`la sortie standard`, stderr: fr`la sortie d’erreur` },
    internal: (message: string) => fr`erreur interne (c’est un défaut du logiciel) : ${message}`,
    internalHint: fr`(relancez avec --debug pour voir la pile d’appels)`,
    errno: {
      ENOSPC: fr`plus d’espace sur le périphérique`,
      EDQUOT: fr`quota de disque dépassé`,
      EIO: fr`erreur d’entrée-sortie`,
      EACCES: fr`permission refusée`,
      EPERM: fr`opération non permise`,
      EISDIR: fr`c’est un dossier`,
      EROFS: fr`système de fichiers en lecture seule`,
      EFBIG: fr`fichier trop gros`,
      EBADF: fr`le flux est fermé`,
      ENOENT: fr`fichier introuvable`,
    },
  },
  can: {
    yesWord: fr`Oui`,
    noWord: fr`Non`,
    yes: (answer: string, c: string, s: string, how: string) => fr`${answer} : ${c} a accès à ${s} : ${how}.`,
    also: (how: string, from: string | null) => fr`Aussi : ${how}${from === null ? '' : fr` (hérité de ${from})`}.`,
    inherited: (from: string) => fr`Accès hérité de ${from}.`,
    condition: (text: string) => fr`Condition : ${text}`,
    notAtTier: (answer: string, c: string, s: string, tier: string, others: string) => fr`${answer} : ${c} n’a pas accès à ${s} ${tier}, seulement ${others}.`,
    no: (answer: string, c: string, s: string) => fr`${answer} : la source ne donne pas accès à ${s} à ${c}.`,
    noList: (answer: string, c: string, s: string) =>
      fr`${answer} : la source ne donne aucune liste d’accès pour ${s} ; elle ne nomme donc aucun accès pour ${c}.`,
    holders: (tier: string | null) => (tier === null ? fr`Qui y a accès :` : fr`Qui y a accès ${tier} :`),
    noHolder: (tier: string) => fr`Personne n’y a accès ${tier}.`,
    holder: (name: string, conditions: readonly string[]) => (conditions.length === 0 ? name : fr`${name} (${conditions.join(fr` ; `)})`),
    holderList: (holders: readonly string[]) => holders.join(fr` ; `),
    note: (kind: string) => fr`Note (${kind}) : `,
    noteAbout: (kind: string, clienteles: readonly string[]) => fr`Note (${kind}, pour ${clienteles.join(', ')}) : `,
  },
  rows: {
    also: (tier: string, holder: string | null, conditions: readonly string[]) =>
      fr`aussi ${tier}${holder === null ? fr` (accès propre)` : fr`, par ${holder}`}${conditions.length === 0 ? '' : fr` : ${conditions.join(fr` ; `)}`}`,
    inherits: (holder: string, tier: string, conditions: readonly string[]) =>
      fr`par héritage de la clientèle « ${holder} », ${tier}${conditions.length === 0 ? '' : fr` : ${conditions.join(fr` ; `)}`}`,
  },
  /** How each tier reads in a sentence or a table cell. */
  tiers: {
    creation: fr`à la création du compte`,
    request: fr`sur demande`,
    unspecified: fr`listé, sans précision`,
  } satisfies Record<Tier, string>,
  clienteleKinds: {
    profession: fr`profession`,
    staff: fr`personnel`,
    organisation: fr`organisation`,
    role: fr`rôle`,
  } satisfies Record<ClienteleKind, string>,
  noteKinds: {
    delegation: fr`délégation`,
    obtaining: fr`obtenir l’accès`,
    channel: fr`canal`,
    usage: fr`utilisation`,
    naming: fr`nom`,
  } satisfies Record<NoteKind, string>,
  /** Fixed words of tables and pages: headings, labels, legends. */
  words: {
    service: fr`Service`,
    clientele: fr`Clientèle`,
    category: fr`Catégorie`,
    access: fr`Accès`,
    conditions: fr`Conditions`,
    inheritedFrom: fr`hérité de`,
    noService: fr`Aucun service ne correspond.`,
    noClientele: fr`Aucune clientèle ne correspond.`,
    noGrant: fr`La source ne donne aucune liste d’accès pour ce service.`,
    id: fr`Id`,
    name: fr`Nom`,
    nameEn: fr`Nom anglais`,
    abbreviation: fr`Sigle`,
    kind: fr`Type`,
    parent: fr`Parent`,
    children: fr`Spécialisations`,
    aliases: fr`Autres noms`,
    jobTitles: fr`Titres d’emploi (jamais un accès)`,
    description: fr`Description`,
    notes: fr`Notes`,
    subApplications: fr`Applications incluses (pas des services distincts)`,
    heirs: fr`Aussi par héritage (spécialisations d’une clientèle de la liste ; hors de la liste de la page)`,
    descriptiveName: fr`nom descriptif : la source ne nomme pas ce service`,
    legend: fr`Légende`,
    matches: fr`Trouvé dans`,
    noMatch: fr`Aucun résultat.`,
    /** What kind of entry a name is (search results, a candidate of another kind than the argument takes). */
    kinds: { service: fr`service`, clientele: fr`clientèle`, category: fr`catégorie` } satisfies Record<EntityKind, string>,
    /** Where search found the words. */
    searchFields: {
      name: fr`nom`,
      description: fr`description`,
      notes: fr`notes`,
      sub_applications: fr`applications incluses`,
      conditions: fr`conditions`,
      job_titles: fr`titres d’emploi`,
    } satisfies Record<SearchField, string>,
    /** A label before its text, in a table cell or a line. */
    fieldLabel: (label: string) => fr`${label} : `,
    /** A table cell's reference to a long condition, printed under the table as a numbered note. */
    conditionRef: (n: number) => fr`voir condition ${n}`,
    conditionNote: (n: number) => fr`Condition ${n} : `,
    legendInherited: fr`hérité d’une clientèle parente`,
    legendConditions: fr`avec conditions (voir who SERVICE)`,
    legendNoAccess: fr`aucun accès`,
    legendColumns: fr`Colonnes`,
  },
  /** What a kind of problem is, in one sentence (SARIF's rule descriptions). */
  problemLabels: {
    FILE_UNREADABLE: fr`Le fichier ne peut pas être lu.`,
    FILE_TOO_LARGE: fr`Le fichier dépasse la taille permise pour un catalogue.`,
    NOT_UTF8: fr`Le fichier n’est pas du texte UTF-8 valide.`,
    BINARY_FILE: fr`Le fichier est binaire (il contient un octet NUL).`,
    EMPTY_DOCUMENT: fr`Le fichier ne contient aucun document YAML.`,
    MULTIPLE_DOCUMENTS: fr`Le fichier contient plusieurs documents YAML.`,
    YAML_SYNTAX: fr`Erreur de syntaxe YAML.`,
    YAML_TAB: fr`Une tabulation sert de retrait.`,
    DUPLICATE_KEY: fr`Une clé est répétée dans un même objet.`,
    ALIAS_LIMIT: fr`Les alias YAML se développent trop.`,
    NESTING_LIMIT: fr`Les valeurs sont imbriquées trop profondément.`,
    SCHEMA: fr`Une valeur ne respecte pas le schéma du catalogue.`,
    DUPLICATE_ID: fr`Un identifiant est utilisé plus d’une fois.`,
    UNKNOWN_CATEGORY: fr`Un service nomme une catégorie qui n’existe pas.`,
    UNKNOWN_CLIENTELE: fr`Un accès ou une note nomme une clientèle qui n’existe pas.`,
    UNKNOWN_PARENT: fr`Une clientèle a pour parent une clientèle qui n’existe pas.`,
    PARENT_CYCLE: fr`Les parents de clientèles forment un cycle.`,
    PARENT_TOO_DEEP: fr`Une clientèle a plus d’ascendants que la limite ne le permet.`,
    DUPLICATE_GRANT: fr`Un service donne accès deux fois à la même clientèle.`,
    DUPLICATE_NOTE_CLIENTELE: fr`Une note nomme deux fois la même clientèle.`,
    NAME_COLLISION: fr`Deux entrées répondent au même nom.`,
    EMPTY_NAME: fr`Un nom n’a ni lettre ni chiffre.`,
    INVISIBLE_CHARACTER: fr`Un texte contient un caractère invisible ou de mise en forme.`,
    MIXED_SCRIPT: fr`Un nom mêle des lettres latines et une autre écriture.`,
  } satisfies Record<ProblemCode, string>,
  /** The HTML page's interface strings: data for the page's script, which fills their `{name}` slots. */
  html: {
    title: fr`Accès aux services en ligne de la RAMQ`,
    intro: fr`Qui peut utiliser quel service en ligne de la RAMQ, et comment. Transcription de la page « Liste des services en ligne ».`,
    filters: fr`Filtres`,
    clientele: fr`Clientèle`,
    allClienteles: fr`Toutes les clientèles`,
    category: fr`Catégorie`,
    allCategories: fr`Toutes les catégories`,
    tier: fr`Accès`,
    allTiers: fr`Tous les accès`,
    search: fr`Rechercher`,
    searchPlaceholder: fr`nom, sigle, mot…`,
    shown: fr`{n} service(s) sur {total}`,
    services: fr`Services`,
    noResult: fr`Aucun service ne correspond à ces filtres.`,
    who: fr`Qui y a accès`,
    noList: fr`La source ne donne aucune liste d’accès pour ce service.`,
    inheritedFrom: fr`hérité de la clientèle « {name} »`,
    alsoInherited: fr`aussi {tier}, par la clientèle « {name} »`,
    alsoOwn: fr`aussi {tier} (accès propre)`,
    conditionLine: fr`Conditions : {text}`,
    notes: fr`Notes`,
    noteLine: fr`{label} : {text}`,
    subApps: fr`Applications incluses`,
    descriptive: fr`nom descriptif : la source ne nomme pas ce service`,
    officialName: fr`nom officiel : {name}`,
    matrix: fr`Tableau clientèles × services`,
    matrixHelp: fr`Une ligne par clientèle, une colonne par service. Le tableau défile dans son cadre ; ses en-têtes restent visibles.`,
    matrixRegion: fr`Tableau clientèles × services, défilant dans son cadre`,
    symbols: fr`Symboles du tableau`,
    inheritedMeaning: fr`hérité d’une clientèle plus générale`,
    conditionsMeaning: fr`avec conditions : voir la note de ce numéro`,
    conditionNotes: fr`Conditions`,
    conditionNote: fr`{service} — {clienteles} : {text}`,
    keys: fr`Colonnes du tableau`,
    byClientele: fr`Par clientèle`,
    byClienteleHelp: fr`Les services d’une clientèle, par type d’accès.`,
    byClienteleNone: fr`Aucun service pour cette clientèle avec ces filtres.`,
    footer: fr`Produit par ramq-access {version} le {date}. Les noms officiels sont ceux de la source ; descriptions et notes sont reformulées.`,
  },
  /** What validation problems say, one sentence per kind of detail. */
  problems: {
    fileNotFound: () => fr`fichier introuvable`,
    fileUnreadable: (d) => fr`lecture du fichier impossible (${d.errno})`,
    isDirectory: () => fr`c’est un dossier, pas un fichier de catalogue`,
    notAPath: (d) => fr`openCatalog prend un chemin de fichier (une chaîne) ou une URL file:, pas ${d.given}`,
    stdinUnreadable: (d) => fr`lecture de l’entrée standard impossible (${d.errno})`,
    tooLarge: (d) =>
      d.size === null
        ? fr`l’entrée dépasse ${formatNumber('fr', d.limit)} octets, la taille maximale d’un catalogue ; la lecture s’est arrêtée là`
        : fr`le fichier fait ${formatNumber('fr', d.size)} octets ; un catalogue ne peut dépasser ${formatNumber('fr', d.limit)} octets`,
    binary: () => fr`le fichier contient un octet NUL : c’est un fichier binaire, pas du texte YAML`,
    notUtf8: () => fr`le fichier n’est pas du texte UTF-8 valide`,
    emptyDocument: () => fr`le fichier ne contient aucun document YAML`,
    multipleDocuments: () => fr`le fichier contient plusieurs documents YAML ; un catalogue n’en est qu’un`,
    nestingLimit: (d) => fr`les valeurs sont imbriquées sur plus de ${formatNumber('fr', d.limit)} niveaux`,
    aliasLimit: (d) => fr`les alias se développent trop (plus de ${formatNumber('fr', d.limit)}) ; refus d’une possible bombe d’alias`,
    complexKey: () => fr`une clé doit être du texte simple, pas une liste, un tableau associatif ni un alias`,
    aliasWithoutAnchor: (d) => fr`l’alias *${d.alias} ne renvoie à aucune ancre posée avant lui`,
    duplicateKey: () => fr`les clés d’un tableau associatif doivent être uniques`,
    tabIndent: () => fr`les tabulations ne sont pas permises dans l’indentation`,
    yaml: (d) => yamlError(d.yamlCode, d.text),
    unknownKey: (d) => fr`${place(d.at)} : clé inconnue « ${d.key} »`,
    missingKey: (d) => fr`${place(d.at)} : clé obligatoire manquante « ${d.key} »`,
    notOneOf: (d) => fr`${place(d.at)} : doit être l’une des valeurs ${d.values.join(', ')}`,
    lineOrNull: (d) => fr`${place(d.at)} : doit être une seule ligne de texte, ou null`,
    mustBe: (d) => fr`${place(d.at)} : doit valoir ${d.value}`,
    wrongType: (d) => fr`${place(d.at)} : doit être ${d.types.map((t) => TYPES[t]).join(' ou ')}`,
    notKebabId: (d) => fr`${place(d.at)} : doit être un identifiant en kebab-case (minuscules et chiffres reliés par des traits d’union simples)`,
    notSingleLine: (d) => fr`${place(d.at)} : doit être une seule ligne de texte, non vide, sans caractère de contrôle`,
    badFormat: (d) => fr`${place(d.at)} : doit être ${FORMATS_FR[d.format]}`,
    schemaOther: (d) => fr`${place(d.at)} : ${d.text}`,
    unknownParent: (d) => fr`la clientèle « ${d.clientele} » a pour parent « ${d.parent} », qui n’est pas un identifiant de clientèle${near(d.suggestions)}`,
    unknownCategory: (d) =>
      fr`le service « ${d.service} » est dans la catégorie « ${d.category} », qui n’est pas un identifiant de catégorie${near(d.suggestions)}`,
    unknownClientele: (d) => fr`le service « ${d.service} » donne accès à « ${d.clientele} », qui n’est pas un identifiant de clientèle${near(d.suggestions)}`,
    duplicateGrant: (d) => fr`le service « ${d.service} » donne accès à « ${d.clientele} » plus d’une fois`,
    unknownNoteClientele: (d) =>
      fr`une note du service « ${d.service} » concerne « ${d.clientele} », qui n’est pas un identifiant de clientèle${near(d.suggestions)}`,
    duplicateNoteClientele: (d) => fr`une note du service « ${d.service} » nomme « ${d.clientele} » plus d’une fois`,
    duplicateId: (d) => fr`l’identifiant de ${ENTRIES[d.entry]} « ${d.value} » sert plus d’une fois`,
    parentCycle: (d) => fr`les parents de clientèles forment un cycle : ${d.ids.join(' -> ')}`,
    parentTooDeep: (d) => fr`la clientèle ${d.clientele} a plus de ${formatNumber('fr', d.limit)} ascendants (parent, parent du parent…)`,
    emptyName: (d) => fr`${ENTRIES[d.entry]} « ${d.entryId} » : un nom sans lettre ni chiffre : ${JSON.stringify(d.value)}`,
    nameCollision: (d) => fr`${ENTRIES[d.entry]} « ${d.entryId} » répond au nom « ${d.value} », comme ${ENTRIES[d.entry]} « ${d.other} » déjà`,
    nameLookalike: (d) =>
      fr`${ENTRIES[d.entry]} « ${d.entryId} » répond au nom « ${d.value} », qui se confond à l’œil avec « ${d.otherName} » de ${ENTRIES[d.entry]} « ${d.other} »`,
    invisibleCharacter: (d) =>
      fr`${place(d.at)} : caractère invisible ou de mise en forme ${codePointName(d.codePoint)} en position ${formatNumber('fr', d.position)} de « ${excerptAround(d.value, d.position)} »`,
    mixedScript: (d) =>
      fr`${ENTRIES[d.entry]} « ${d.entryId} » : le nom « ${d.value} » mêle des lettres latines et une lettre d’une autre écriture (« ${d.letter} », ${codePointName(d.letter.codePointAt(0) ?? 0)})`,
  } satisfies ProblemSentences,
  counts: {
    services: (n: number) => count('fr', n, fr`service`, fr`services`),
    clienteles: (n: number) => count('fr', n, fr`clientèle`, fr`clientèles`),
    categories: (n: number) => count('fr', n, fr`catégorie`, fr`catégories`),
  },
  validation: {
    valid: fr`catalogue valide`,
    summary: (problems: number, files: number) =>
      fr`${count('fr', problems, fr`problème`, fr`problèmes`)} dans ${count('fr', files, fr`fichier`, fr`fichiers`)}`,
    title: (code: ProblemCode, entry: EntryRef | null) => (entry === null ? code : fr`${code} (${ENTRIES[entry.kind]} ${entry.id})`),
  },
  diff: {
    none: fr`Aucun changement de sens.`,
    changes: fr`Changements`,
    effects: fr`Effet par clientèle`,
    added: fr`ajouté`,
    removed: fr`retiré`,
    renamed: (field: string) => fr`renommé (${field})`,
    effect: {
      gained: (who: string, what: string, access: string) => fr`${who} obtient ${what} : ${access}`,
      lost: (who: string, what: string, access: string) => fr`${who} perd ${what} : ${access}`,
      changed: (who: string, what: string, before: string, after: string) => fr`${who} change d’accès à ${what} : ${before} -> ${after}`,
    },
    grant: fr`accès`,
    tier: fr`niveau`,
    conditions: (list: string) => fr`conditions : ${list}`,
    description: fr`description modifiée`,
    notes: fr`notes`,
    noteTag: (kind: string, clienteles: readonly string[]) => fr`[${kind}${clienteles.length === 0 ? '' : fr`, concerne ${clienteles.join(', ')}`}]`,
    subApps: fr`applications incluses`,
    inherited: (id: string) => fr`hérité de ${id}`,
    noAccess: fr`aucun`,
    summary: (changes: number, effects: number) => fr`${count('fr', changes, fr`changement`, fr`changements`)}, ${count('fr', effects, fr`effet`, fr`effets`)}`,
    entries: { service: fr`service`, clientele: fr`clientèle`, category: fr`catégorie` },
    fields: {
      name: fr`nom`,
      name_en: fr`nom anglais`,
      abbreviation: fr`sigle`,
      category: fr`catégorie`,
      kind: fr`type`,
      parent: fr`parent`,
      forms: fr`formes`,
      aliases: fr`autres noms`,
      terms_en: fr`termes anglais`,
      abbreviations: fr`sigles`,
      job_titles: fr`titres d’emploi`,
      shared_terms: fr`mots partagés`,
      nicknames: fr`surnoms`,
      title: fr`titre`,
      publisher: fr`éditeur`,
      url: fr`adresse`,
      checked: fr`date de vérification`,
      sha256: fr`empreinte SHA-256`,
    },
    source: fr`source`,
  },
  checkSource: {
    agrees: (items: number, lists: number) =>
      fr`Le catalogue concorde avec la page sur tous ses éléments de liste : ${count('fr', items, fr`élément`, fr`éléments`)} dans ${count('fr', lists, fr`liste « Qui a accès »`, fr`listes « Qui a accès »`)}.`,
    matched: (matched: number, items: number, lists: number) =>
      fr`${count('fr', matched, fr`élément de liste`, fr`éléments de liste`)} sur ${formatNumber('fr', items)} ${plural('fr', matched, fr`concorde`, fr`concordent`)} avec le catalogue (${count('fr', lists, fr`liste « Qui a accès »`, fr`listes « Qui a accès »`)}).`,
    summary: (findings: number, applicable: number) =>
      fr`${count('fr', findings, fr`différence`, fr`différences`)} ; --write peut en appliquer ${formatNumber('fr', applicable)}`,
    /** After --write: what it wrote (`applied`), or null when it wrote nothing. */
    summaryWritten: (findings: number, applied: number | null) =>
      applied === null
        ? fr`${count('fr', findings, fr`différence`, fr`différences`)} ; --write n’a rien écrit`
        : fr`${count('fr', findings, fr`différence`, fr`différences`)} ; --write en a appliqué ${formatNumber('fr', applied)}`,
    sameText: (date: string) => fr`Texte de la page : le même que lors de la vérification du ${date}.`,
    otherText: (date: string) => fr`Texte de la page : il a changé depuis la vérification du ${date}.`,
    otherTextNoDate: fr`Texte de la page : il a changé depuis la dernière vérification.`,
    neverChecked: fr`Le catalogue ne note aucune vérification de la page (source.checked).`,
    findings: {
      'grant-not-in-catalogue': (w) => fr`${w.service} : la page donne accès à « ${w.item} » (${w.pageTier}) ; le catalogue n’a pas cet accès`,
      'grant-not-on-page': (w) => fr`${w.service} : le catalogue donne accès à « ${w.clientele} » (${w.catalogTier}) ; les listes de la page ne la nomment pas`,
      'tier-differs': (w) => fr`${w.service} : « ${w.clientele} » : niveau « ${w.pageTier} » sur la page, « ${w.catalogTier} » dans le catalogue`,
      'condition-differs': (w) =>
        fr`${w.service} : « ${w.clientele} » : la page pose la condition « ${w.pageCondition} » ; le catalogue : ${w.catalogConditions === '' ? fr`aucune condition` : w.catalogConditions}`,
      'new-service': (w) =>
        fr`nouveau service : « ${w.heading} » ne nomme aucun service du catalogue${w.suggestions === '' ? '' : fr` (noms proches : ${w.suggestions})`}`,
      'new-clientele': (w) =>
        fr`${w.service === '' ? '' : fr`${w.service} : `}nouvelle clientèle : « ${w.item} » ne nomme aucune clientèle du catalogue${w.suggestions === '' ? '' : fr` (noms proches : ${w.suggestions})`}`,
      'service-not-on-page': (w) => fr`${w.service} : la page n’a plus de liste « Qui a accès » pour ce service`,
      'repeated-item': (w) => fr`${w.service} : la page liste « ${w.clientele} » plus d’une fois ; le catalogue ne donne qu’un accès par clientèle`,
      'hidden-on-page': (w) =>
        fr`${w.service === '' ? '' : fr`${w.service} : `}l’élément « ${w.item} » contient du texte que la page cache par son style (un navigateur ne l’affiche pas) : son accès est laissé tel quel, à lire par une personne`,
      'stray-items': (w) =>
        fr`des éléments de liste nomment des clientèles (${w.suggestions}) sous « ${w.heading} », qui n’est ni un titre « Qui a accès » ni l’un de ses sous-titres connus : à lire par une personne`,
    } satisfies Record<FindingKind, (w: FindingWords) => string>,
    where: (page: number | null, catalogue: number | null) =>
      fr`page ${page === null ? fr`–` : fr`l. ${page}`}, catalogue ${catalogue === null ? fr`–` : fr`l. ${catalogue}`} :`,
    onPage: (page: string, line: number | null) => (line === null ? fr`page ${page}` : fr`page ${page}, ligne ${line}`),
    columns: { page: fr`Page`, catalogue: fr`Catalogue`, difference: fr`Différence` },
    stubsTitle: fr`Entrées à écrire`,
    stubHint: fr`Remplissez les blancs (""), ajoutez chaque entrée au catalogue (un service dans la liste services:, à sa place dans l’ordre de la page ; une clientèle dans la liste des clientèles), puis relancez check-source --write : il ajoute leurs accès.`,
    stubFor: { service: (name: string) => fr`Service « ${name} »`, clientele: (name: string) => fr`Clientèle « ${name} »` },
    unranked: (n: number, ranked: number) =>
      fr`Les noms proches et les gabarits d’entrée ne sont donnés que pour les ${formatNumber('fr', ranked)} premiers noms inconnus ; ${count('fr', n, fr`autre n’a`, fr`autres n’ont`)} ni les uns ni les autres.`,
    emptyListsRead: (n: number, first: string) =>
      fr`${count('fr', n, fr`liste « Qui a accès » est vide`, fr`listes « Qui a accès » sont vides`)} (la première : « ${first} ») : la page est peut-être mal lue, et --write la refuse.`,
    stubsAvailable: (n: number) => fr`--write affiche ${count('fr', n, fr`gabarit`, fr`gabarits`)} d’entrée à remplir (--json et --format markdown aussi).`,
    noLists: (page: string) =>
      fr`${page} ne contient aucune liste « Qui a accès » : est-ce bien la page « Liste des services en ligne » (et non une page de connexion ou d’erreur) ?`,
    cannotReadPage: (page: string, reason: string) => fr`impossible de lire la page ${page} : ${reason}`,
    pageProblems: {
      notFound: fr`fichier introuvable`,
      isDirectory: fr`c’est un dossier, pas une page`,
      tooLarge: (size: number | null, limit: number) =>
        size === null
          ? fr`l’entrée dépasse ${formatNumber('fr', limit)} octets, la taille maximale d’une page ; la lecture s’est arrêtée là`
          : fr`le fichier fait ${formatNumber('fr', size)} octets ; une page ne peut dépasser ${formatNumber('fr', limit)} octets`,
      binary: fr`le fichier contient un octet NUL : ce n’est pas du texte`,
      notUtf8: fr`le fichier n’est pas du texte UTF-8 valide et ne déclare aucun autre jeu de caractères`,
      tooManyElements: (limit: number) => fr`elle a plus de ${formatNumber('fr', limit)} éléments, ce qu’aucune page enregistrée n’a ; ce n’est pas la page`,
      tooDeep: (limit: number) =>
        fr`ses éléments sont imbriqués sur plus de ${formatNumber('fr', limit)} niveaux, ce qu’aucun navigateur ne construit ; ce n’est pas la page`,
      tooManyHidingRules: (count: number, limit: number) =>
        fr`ses propres styles ont ${formatNumber('fr', count)} règles qui masquent du contenu, plus que les ${formatNumber('fr', limit)} que la vérification applique`,
      tooManyStyleTests: fr`ses propres styles ont trop de règles qui masquent du contenu pour une page de cette taille ; la vérification ne peut pas dire ce qu’affiche un navigateur`,
    },
    forceWithoutWrite: fr`--force ne fait que passer outre un refus de --write : donnez-le avec --write`,
    cannotWriteStdin: fr`--write écrit dans le fichier du catalogue : il ne peut pas écrire un catalogue lu sur l’entrée standard (--catalog -)`,
    written: (file: string, applied: number, recorded: boolean) =>
      fr`${file} : ${count('fr', applied, fr`changement d’accès appliqué`, fr`changements d’accès appliqués`)}${recorded ? fr` ; vérification notée (source.checked, source.sha256)` : ''}`,
    upToDate: (file: string) => fr`${file} : rien à changer, la vérification de cette page était déjà notée`,
    untouched: (file: string) =>
      fr`${file} laissé tel quel : écrivez d’abord les entrées nouvelles (gabarits ci-dessus) ou retirez le service que la page ne liste plus, puis relancez --write`,
    leftOver: (n: number) => fr`${count('fr', n, fr`différence reste`, fr`différences restent`)} à régler à la main`,
    translate: (service: string, clientele: string) =>
      fr`${service} / ${clientele} : la condition n’existe qu’en français ; son texte anglais (en) est pour l’instant le français : traduisez-le`,
    emptyLists: (file: string, n: number, first: string) =>
      fr`${file} laissé tel quel : la page semble mal lue, ${count('fr', n, fr`liste « Qui a accès » est vide`, fr`listes « Qui a accès » sont vides`)} (la première : « ${first} ») ; vérifiez la page, ou écrivez quand même avec --force`,
    tooManyRemovals: (file: string, removed: number, grants: number, share: number) =>
      fr`${file} laissé tel quel : la page semble mal lue, elle retirerait d’un coup ${formatNumber('fr', removed)} des ${formatNumber('fr', grants)} accès des services qu’elle liste (plus de ${new Intl.NumberFormat('fr-CA', { style: 'percent' }).format(share)}) ; vérifiez la page, ou écrivez quand même avec --force`,
    editInvalid: (file: string, codes: string) =>
      fr`${file} laissé tel quel : les changements de la page en feraient un catalogue non valide (${codes}) ; réglez-les à la main`,
    badEpoch: (value: string) =>
      fr`SOURCE_DATE_EPOCH=${value} n’est pas un jour que le catalogue peut noter : donnez un nombre entier de secondes depuis 1970, jusqu’à la fin de l’an 9999`,
    installedCatalog: (file: string) =>
      fr`${file} est le catalogue du paquet installé : une mise à jour annulerait tout changement ; nommez le catalogue à écrire avec --catalog FICHIER (ou RAMQ_ACCESS_CATALOG), comme le catalog.yaml d’un clone`,
    fetch: {
      cannotFetch: (url: string, reason: string) => fr`impossible d’obtenir la page ${url} : ${reason}`,
      refused: fr`le serveur a refusé la connexion`,
      dns: (host: string) => fr`aucune adresse trouvée pour ${host}`,
      network: (code: string) =>
        code === 'BAD_PORT' ? fr`un port auquel les navigateurs ne se connectent jamais, pas plus que cet outil (BAD_PORT)` : fr`erreur de réseau (${code})`,
      timeout: (seconds: number) => fr`pas de réponse complète en ${formatNumber('fr', seconds)} s (--timeout)`,
      http: (status: number, text: string) => fr`le serveur a répondu ${status}${text === '' ? '' : fr` ${text}`}`,
      refusedAutomated: (status: number, text: string) =>
        fr`le serveur a répondu ${status}${text === '' ? '' : fr` ${text}`} : le site refuse les téléchargements automatisés ; enregistrez la page depuis un navigateur et vérifiez plutôt cette copie (check-source FICHIER)`,
      proxy: {
        refused: (proxy: string) => fr`le proxy ${proxy} a refusé la connexion`,
        dns: (proxy: string) => fr`aucune adresse trouvée pour le proxy ${proxy}`,
        network: (proxy: string, code: string) => fr`erreur de réseau avec le proxy ${proxy} (${code})`,
        tunnel: (proxy: string, status: number, text: string) =>
          fr`le proxy ${proxy} a refusé le tunnel (${status}${text === '' ? '' : fr` ${text}`})${status === 407 ? fr` ; ses identifiants se donnent dans son adresse : http://utilisateur:mot-de-passe@hôte:port` : ''}`,
        request: (proxy: string, status: number, text: string) =>
          fr`le proxy ${proxy} a refusé la requête (${status}${text === '' ? '' : fr` ${text}`})${status === 407 ? fr` ; ses identifiants se donnent dans son adresse : http://utilisateur:mot-de-passe@hôte:port` : ''}`,
        badAddress: (variable: string) => fr`${variable} ne donne pas l’adresse d’un proxy http:// ou https://`,
      },
      tooManyRedirects: (max: number) => fr`plus de ${formatNumber('fr', max)} redirections`,
      badRedirect: (location: string) => fr`une redirection vers ${location}, qui n’est pas une adresse http:// ou https://`,
      tooLarge: (size: number | null, limit: number) =>
        size === null
          ? fr`la réponse dépasse ${formatNumber('fr', limit)} octets, la taille maximale d’une page ; la lecture s’est arrêtée là`
          : fr`la réponse annonce ${formatNumber('fr', size)} octets ; une page ne peut dépasser ${formatNumber('fr', limit)} octets`,
      notHtml: (type: string) => fr`la réponse est de type ${type}, pas une page (text/html, application/xhtml+xml ou text/plain)`,
      incomplete: {
        connection: (code: string) => fr`la page est arrivée incomplète : la connexion s’est terminée avant la fin de la réponse (${code})`,
        length: (received: number, announced: number) =>
          fr`la page est arrivée incomplète : ${formatNumber('fr', received)} octets alors que son Content-Length en annonce ${formatNumber('fr', announced)}`,
        encoding: (coding: string) => fr`la page est arrivée incomplète : son flux ${coding} s’arrête avant sa fin`,
        unframed: fr`la page est peut-être arrivée incomplète : la réponse n’a pas de Content-Length et n’est pas transmise par blocs (chunked), rien n’en marque donc la fin`,
      },
      badEncoding: (coding: string) => fr`le corps de la réponse, encodé en ${coding}, n’a pas pu être décodé (gzip, deflate et br le sont)`,
      longRedirect: (length: number, limit: number) =>
        fr`une redirection vers une adresse de ${formatNumber('fr', length)} caractères ; seules les adresses d’au plus ${formatNumber('fr', limit)} sont suivies`,
      headersTooLarge: (limit: number) => fr`les en-têtes de la réponse dépassent ${formatNumber('fr', limit)} octets`,
      validatorIgnored: (url: string, header: string, length: number, limit: number) =>
        fr`${url} : l’en-tête ${header} du serveur fait ${formatNumber('fr', length)} caractères, plus de ${formatNumber('fr', limit)} : il est ignoré, et donc pas noté`,
      notModified: (url: string, checked: string | null) =>
        fr`${url} : inchangée depuis la dernière vérification${checked === null ? '' : fr`, le ${checked}`} (HTTP 304) : le catalogue s’accorde avec elle comme alors`,
      noPage: (catalogue: string) =>
        fr`aucune page donnée, et ${catalogue} ne note aucune source.url à télécharger : donnez un fichier de page, « - » pour l’entrée standard, ou une adresse`,
      badUrl: (url: string) => fr`${url} n’est pas une adresse valable`,
      badTimeout: (value: string) => fr`--timeout ${value} : donnez un nombre de secondes supérieur à 0, au plus 3600`,
      timeoutWithoutUrl: fr`--timeout vaut pour une page téléchargée par son adresse (http:// ou https://), pas pour un fichier`,
    },
  },
  questions: {
    unknown: {
      clientele: (input: string) => fr`clientèle inconnue : « ${input} »`,
      service: (input: string) => fr`service inconnu : « ${input} »`,
      category: (input: string) => fr`catégorie inconnue : « ${input} »`,
      name: (input: string) => fr`nom inconnu : « ${input} »`,
    },
    ambiguous: (input: string) => fr`« ${input} » est ambigu`,
    tooLong: (length: number, limit: number) =>
      fr`nom trop long : ${formatNumber('fr', length)} caractères ; un nom en compte au plus ${formatNumber('fr', limit)}`,
    lineTooLong: (bytes: number, limit: number) =>
      fr`ligne trop longue : ${formatNumber('fr', bytes)} octets ; une ligne en compte au plus ${formatNumber('fr', limit)}`,
    binaryLine: fr`la ligne contient un octet NUL : ce n’est pas du texte`,
    notUtf8Line: fr`la ligne n’est pas du texte UTF-8`,
    couldMean: (input: string, list: string) => fr`« ${input} » est ambigu ; cela peut désigner : ${list}`,
    withSuggestions: (message: string, list: string) => fr`${message} ; vouliez-vous dire : ${list}`,
    candidateOfKind: (id: string, name: string, kind: string) => fr`${id} (${name} ; ${kind})`,
    nextStep: (message: string, list: string | null, search: string) =>
      fr`${message} ; ${list === null ? '' : fr`pour voir la liste : ${list} ; `}pour chercher ce mot partout : ${search}`,
    isOtherKind: {
      clientele: (input: string) => fr`« ${input} » est une clientèle, pas un service`,
      service: (input: string) => fr`« ${input} » est un service, pas une clientèle`,
    },
    /** A category's heading where a service or a clientele goes. */
    isCategory: {
      service: (input: string) => fr`« ${input} » est une catégorie, pas un service`,
      clientele: (input: string) => fr`« ${input} » est une catégorie, pas une clientèle`,
    },
    swapped: (service: string, clientele: string) => fr`les deux noms sont inversés : « ${service} » est un service et « ${clientele} » une clientèle`,
    namedCondition: (condition: string) => fr`Nom donné avec la condition : ${condition}`,
    readAs: (input: string, entry: string, subApplication: string | null) =>
      fr`« ${input} » lu comme ${entry}${subApplication === null ? '' : fr`, qui comprend l’application ${subApplication}`}`,
    sourceLine: (publisher: string, title: string, checked: string | null) =>
      fr`Source : ${publisher}, ${title}, ${checked === null ? fr`jamais vérifiée contre la page` : fr`vérifiée le ${checked}`}`,
    namedConditionElsewhere: (condition: string) => fr`Nom donné avec la condition : ${condition} (celle d’un autre de ses accès, pas de ce service)`,
    askInstead: (message: string, command: string) => fr`${message} ; la question qui répond : ${command}`,
    badPair: fr`attendu : « clientèle<TAB>service »`,
    badName: {
      clientele: fr`attendu : un nom de clientèle`,
      service: fr`attendu : un nom de service`,
      category: fr`attendu : un nom de catégorie`,
      name: fr`attendu : un nom`,
    },
  },
};
