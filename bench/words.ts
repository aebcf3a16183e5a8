import type { EntityKind } from "../server/src/domain/vocabulary.js";
import type { Random } from "./prng.js";

/** Word lists the synthetic names are built from, in the style of the curated entities. */

/** Items separated by "|"; "-" is an empty item, so that part of a name is left out that often. */
function list(text: string): string[] {
  return text
    .split("|")
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => (item === "-" ? "" : item));
}

const DRUG_STEMS = list(`
  keta | esketa | arke | lanice | trazo | dexo | memo | rapa | lithi | psilo | zura | brexa | sero | fluo | venla |
  mirta | bupro | agome | tiane | vorti | nitro | scopo | riluzo | cyclo | hydroxy | nor | dehydro | apimo | rislen |
  traxo
`);
const DRUG_MIDDLES = list(`
  - | ti | pra | lo | xe | va | do | ri | zo | me | ne | sa
`);
const DRUG_SUFFIXES = list(`
  mine | zine | done | pine | xetine | fenine | mycin | nolone | lazine | tadine | zolam | prazole | nexant | sertib |
  pramide
`);

const MODIFIERS = list(`
  synaptic | cortical | hippocampal | prefrontal | glutamatergic | GABAergic | dopaminergic | serotonergic |
  presynaptic | postsynaptic | astrocytic | microglial | dendritic | axonal | mitochondrial | nuclear | extracellular |
  tonic | phasic | activity-dependent | stress-induced | basal | evoked | spontaneous | local | striatal | thalamic |
  amygdalar | interneuron | pyramidal-cell
`);
const TARGETS = list(`
  AMPA receptor | NMDA receptor | mTOR | BDNF | TrkB | GSK-3 | eEF2 | Akt | ERK | CREB | PSD-95 | GluA1 | GluA2 |
  GluN2B | mGluR2 | HCN channel | L-type VDCC | IL-6 | IL-1β | TNF-α | IDO | kynurenine | glutamate | GABA | dopamine |
  serotonin | noradrenaline | acetylcholine | calcium | cAMP | PKA | PKC | CaMKII | MAPK | p70S6K | 4E-BP1 | synapsin |
  Arc | c-Fos | Homer1a | VGF | neuropeptide Y | oxytocin | cortisol | corticosterone | glucocorticoid receptor |
  sigma-1 receptor | mu-opioid receptor | 5-HT2A receptor | D2 receptor | nitric oxide | spine | dendrite |
  gamma oscillation | theta rhythm | default mode network | salience network | KCC2 | NKCC1 | Kir4.1
`);
const PROCESSES = list(`
  signalling | expression | phosphorylation | activity | release | density | trafficking | synthesis | turnover |
  clearance | binding | coupling | plasticity | potentiation | inhibition | connectivity | power
`);
const QUALIFIERS = list(`
  - | - | - | (acute) | (sustained) | (chronic stress) | (layer V) | (in females) | (in males) | (adolescent)
`);

const SIDES = list(`
  - | - | left | right | bilateral
`);
const AXES = list(`
  - | dorsal | ventral | anterior | posterior | medial | lateral | rostral | caudal
`);
const REGIONS = list(`
  prefrontal cortex | anterior cingulate cortex | orbitofrontal cortex | insula | hippocampus | dentate gyrus | CA1 |
  CA3 | amygdala | basolateral amygdala | nucleus accumbens | striatum | caudate | putamen | thalamus | habenula |
  lateral habenula | hypothalamus | ventral tegmental area | raphe nuclei | locus coeruleus | periaqueductal grey |
  subgenual cingulate | precuneus | posterior cingulate cortex | temporal pole | parietal cortex | occipital cortex |
  cerebellum | brainstem | entorhinal cortex | claustrum | septum | bed nucleus of the stria terminalis |
  globus pallidus
`);
const LAYERS = list(`
  - | - | - | layer II/III | layer V | layer VI | shell | core | subfield | grey matter | white matter
`);

const SEVERITY = list(`
  - | treatment-resistant | recurrent | chronic | first-episode | late-life | adolescent | comorbid | severe | mild |
  postpartum | refractory
`);
const CONDITIONS = list(`
  major depressive disorder | bipolar depression | suicidal ideation | generalized anxiety disorder |
  post-traumatic stress disorder | obsessive-compulsive disorder | alcohol use disorder | cocaine use disorder |
  opioid use disorder | social anxiety disorder | chronic pain | complex regional pain syndrome | schizophrenia |
  anorexia nervosa | insomnia | dysthymia | panic disorder | autism spectrum disorder | Alzheimer disease |
  Parkinson disease
`);
const SPECIFIERS = list(`
  - | - | - | in adolescents | in older adults | with anxious distress | with suicidal ideation | with melancholic features |
  with psychotic features | in remission | with insomnia
`);

const DIRECTIONS = list(`
  reduced | improved | increased | decreased | rapid | sustained | transient | delayed | relapse of | remission of |
  response of
`);
const OUTCOMES = list(`
  depressive symptoms | suicidal thoughts | anhedonia | immobility in forced swim | sucrose preference |
  novelty-suppressed feeding latency | learned helplessness | social avoidance | dissociative symptoms |
  psychotomimetic effects | craving | alcohol consumption | anxiety scores | MADRS score | HAM-D score | BDI score |
  sleep quality | cognitive flexibility | working memory | verbal fluency | heart rate | blood pressure |
  mystical-type experience | ego dissolution | brain entropy | global connectivity | rumination | hopelessness |
  fear extinction | pain intensity
`);
const TIMEFRAMES = list(`
  - | - | - | at 2 h | at 24 h | at 72 h | at 7 days | at 2 weeks | after repeated dosing
`);
const RATERS = list(`
  - | - | (self-rated) | (clinician-rated) | in rodents | in patients | in healthy volunteers
`);

const join = (...words: string[]): string => words.filter((w) => w.length > 0).join(" ");

/** A name in the style of the curated entities of `kind`; names may repeat (callers make them unique). */
export function entityName(kind: EntityKind, random: Random): string {
  switch (kind) {
    case "intervention":
      return `${random.pick(DRUG_STEMS)}${random.pick(DRUG_MIDDLES)}${random.pick(DRUG_SUFFIXES)}`;
    case "mechanism":
      return join(random.pick(MODIFIERS), random.pick(TARGETS), random.pick(PROCESSES), random.pick(QUALIFIERS));
    case "brain_region":
      return join(random.pick(SIDES), random.pick(AXES), random.pick(REGIONS), random.pick(LAYERS));
    case "condition":
      return join(random.pick(SEVERITY), random.pick(CONDITIONS), random.pick(SPECIFIERS));
    case "outcome":
      return join(random.pick(DIRECTIONS), random.pick(OUTCOMES), random.pick(TIMEFRAMES), random.pick(RATERS));
  }
}

/** A synonym: an abbreviation, a shortened or a re-ordered form of the name. */
export function synonym(name: string, variant: number): string {
  const words = name.replace(/[()]/g, "").split(/\s+/).filter(Boolean);
  const acronym = words.map((w) => w[0]!.toUpperCase()).join("");
  const forms = [
    acronym,
    words.slice(1).join(" "),
    [...words].reverse().join(" "),
    `${acronym}-${words.length}`,
    `${words[0]} (${acronym})`,
  ];
  return forms[variant % forms.length] || acronym;
}

/** A URL-safe slug for project-local `mg:` ids. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

export const SURNAMES = list(`
  Zarate | Berman | Murrough | Abdallah | Duman | Li | Autry | Monteggia | Krystal | Sanacora | Nugent | Zanos | Gould |
  Yang | Hashimoto | Price | Fava | Singh | Daly | Phillips | Wilkinson | Grunebaum | Ionescu | Lapidus | Kraus |
  Carhart-Harris | Nutt | Moda-Sava | Liston | Widman | Kavalali | Newport | McIntyre | Rosenblat | Short | Wang |
  Chen | Zhang | Kim | Park | Ito | Sato | Müller | Schmidt | Rossi | Garcia | Martins | Silva | Novak | Larsen
`);
export const JOURNALS = list(`
  Am J Psychiatry | Biol Psychiatry | Arch Gen Psychiatry | JAMA Psychiatry | Neuropsychopharmacology | Mol Psychiatry |
  Nature | Science | Neuron | Nat Neurosci | J Neurosci | Psychopharmacology (Berl) | Lancet Psychiatry |
  Transl Psychiatry | Int J Neuropsychopharmacol | J Affect Disord | Eur Neuropsychopharmacol | Front Psychiatry |
  Brain | Cell
`);
export const TITLE_WORDS = list(`
  ketamine | rapid | antidepressant | effects | synaptic | plasticity | randomized | trial | treatment-resistant |
  depression | mechanisms | glutamate | connectivity | in | of | and | the | a | controlled | single | infusion |
  repeated | response | predictors | cortical | signalling | behaviour | stress | mice | rats | patients | after |
  with | versus | placebo
`);
