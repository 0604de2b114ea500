/**
 * Built-in vocabularies, so that a minimal feed needs no `categories` or `audiences` of its own.
 * A feed may relabel these ids or add new ones; `parse.ts` merges the feed's entries over these.
 *
 * Labels are for people with little German and often little schooling: plain, short words
 * (A2 level, 1–3 words) in all eight UI languages. Each id has an icon of the same name
 * in `../icons.ts`.
 */
import type { Locale } from '../locales.js';
import type { VocabularyEntry } from './schema.js';

type Labels = Record<Locale, string>;

const entry = (id: string, label: Labels): VocabularyEntry => ({ id, icon: id, label });

/** Topics of help, in the order the finder shows them. */
export const DEFAULT_CATEGORIES: VocabularyEntry[] = [
  entry('health', {
    de: 'Gesundheit', en: 'Health', ro: 'Sănătate', bg: 'Здраве',
    tr: 'Sağlık', ar: 'الصحة', uk: 'Здоров’я', pl: 'Zdrowie',
  }),
  entry('housing', {
    de: 'Wohnen', en: 'Housing', ro: 'Locuință', bg: 'Жилище',
    tr: 'Konut', ar: 'السكن', uk: 'Житло', pl: 'Mieszkanie',
  }),
  entry('work', {
    de: 'Arbeit', en: 'Work', ro: 'Muncă', bg: 'Работа',
    tr: 'İş', ar: 'العمل', uk: 'Робота', pl: 'Praca',
  }),
  entry('education', {
    de: 'Schule & Bildung', en: 'School & education', ro: 'Școală și educație',
    bg: 'Училище и образование', tr: 'Okul ve eğitim', ar: 'المدرسة والتعليم',
    uk: 'Школа та освіта', pl: 'Szkoła i edukacja',
  }),
  entry('family', {
    de: 'Kinder & Familie', en: 'Children & family', ro: 'Copii și familie',
    bg: 'Деца и семейство', tr: 'Çocuk ve aile', ar: 'الأطفال والأسرة',
    uk: 'Діти та сім’я', pl: 'Dzieci i rodzina',
  }),
  entry('german-courses', {
    de: 'Deutschkurse', en: 'German courses', ro: 'Cursuri de germană',
    bg: 'Курсове по немски', tr: 'Almanca kursları', ar: 'دورات اللغة الألمانية',
    uk: 'Курси німецької', pl: 'Kursy niemieckiego',
  }),
  entry('documents', {
    de: 'Anmeldung & Papiere', en: 'Registration & papers', ro: 'Înregistrare și acte',
    bg: 'Регистрация и документи', tr: 'Kayıt ve belgeler', ar: 'التسجيل والأوراق',
    uk: 'Реєстрація та документи', pl: 'Meldunek i dokumenty',
  }),
  entry('money', {
    de: 'Geld & Leistungen', en: 'Money & benefits', ro: 'Bani și ajutoare',
    bg: 'Пари и помощи', tr: 'Para ve yardımlar', ar: 'المال والمساعدات',
    uk: 'Гроші та допомога', pl: 'Pieniądze i zasiłki',
  }),
  entry('counselling', {
    de: 'Beratung', en: 'Advice', ro: 'Consiliere', bg: 'Консултации',
    tr: 'Danışmanlık', ar: 'الاستشارة', uk: 'Консультації', pl: 'Porady',
  }),
  entry('emergency', {
    de: 'Hilfe sofort', en: 'Urgent help', ro: 'Ajutor urgent', bg: 'Спешна помощ',
    tr: 'Acil yardım', ar: 'مساعدة عاجلة', uk: 'Термінова допомога', pl: 'Pilna pomoc',
  }),
  entry('rights', {
    de: 'Rechte & Schutz', en: 'Rights & protection', ro: 'Drepturi și protecție',
    bg: 'Права и защита', tr: 'Haklar ve koruma', ar: 'الحقوق والحماية',
    uk: 'Права та захист', pl: 'Prawa i ochrona',
  }),
];

/** Who a service is for. */
export const DEFAULT_AUDIENCES: VocabularyEntry[] = [
  entry('women', {
    de: 'Frauen', en: 'Women', ro: 'Femei', bg: 'Жени',
    tr: 'Kadınlar', ar: 'النساء', uk: 'Жінки', pl: 'Kobiety',
  }),
  entry('men', {
    de: 'Männer', en: 'Men', ro: 'Bărbați', bg: 'Мъже',
    tr: 'Erkekler', ar: 'الرجال', uk: 'Чоловіки', pl: 'Mężczyźni',
  }),
  entry('children', {
    de: 'Kinder', en: 'Children', ro: 'Copii', bg: 'Деца',
    tr: 'Çocuklar', ar: 'الأطفال', uk: 'Діти', pl: 'Dzieci',
  }),
  entry('youth', {
    de: 'Jugendliche', en: 'Young people', ro: 'Tineri', bg: 'Младежи',
    tr: 'Gençler', ar: 'الشباب', uk: 'Молодь', pl: 'Młodzież',
  }),
  entry('families', {
    de: 'Familien', en: 'Families', ro: 'Familii', bg: 'Семейства',
    tr: 'Aileler', ar: 'العائلات', uk: 'Сім’ї', pl: 'Rodziny',
  }),
  entry('seniors', {
    de: 'Ältere Menschen', en: 'Older people', ro: 'Vârstnici', bg: 'Възрастни хора',
    tr: 'Yaşlılar', ar: 'كبار السن', uk: 'Літні люди', pl: 'Osoby starsze',
  }),
  entry('pregnant', {
    de: 'Schwangere', en: 'Pregnant women', ro: 'Femei însărcinate', bg: 'Бременни',
    tr: 'Hamileler', ar: 'الحوامل', uk: 'Вагітні', pl: 'Kobiety w ciąży',
  }),
  entry('uninsured', {
    de: 'Ohne Krankenversicherung', en: 'No health insurance', ro: 'Fără asigurare medicală',
    bg: 'Без здравна осигуровка', tr: 'Sağlık sigortası olmayanlar', ar: 'بدون تأمين صحي',
    uk: 'Без медичної страховки', pl: 'Bez ubezpieczenia zdrowotnego',
  }),
  entry('eu-citizens', {
    de: 'EU-Bürger*innen', en: 'EU citizens', ro: 'Cetățeni UE', bg: 'Граждани на ЕС',
    tr: 'AB vatandaşları', ar: 'مواطنو الاتحاد الأوروبي', uk: 'Громадяни ЄС', pl: 'Obywatele UE',
  }),
  entry('refugees', {
    de: 'Geflüchtete', en: 'Refugees', ro: 'Refugiați', bg: 'Бежанци',
    tr: 'Mülteciler', ar: 'اللاجئون', uk: 'Біженці', pl: 'Uchodźcy',
  }),
];

