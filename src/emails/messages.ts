export type EmailLocale = "en" | "ar"

export const EMAIL_LOCALES: readonly EmailLocale[] = ["en", "ar"]

export function emailLocale(value: unknown): EmailLocale {
  return value === "ar" ? "ar" : "en"
}

/** Facts an email can name, already formatted for its locale (an amount with its currency, a date). */
export type EmailFacts = {
  plan?: string
  amount?: string
  invoice?: string
  next_renewal?: string
  /** An address the message is about (the new one, in an email-change message). */
  email?: string
  /** The account it is about, as the address it uses now, masked (`n•••@example.com`). */
  account?: string
}

/**
 * What an email about a subscription says of its button: it opens the static
 * sign-in page, not a one-time link, so these emails mint no sign-in links.
 */
const STATIC_LINK = {
  en: "The button opens your portal's sign-in page: enter this email address there and we send you a one-time link.",
  ar: "يفتح الزر صفحة تسجيل الدخول إلى بوابتك: أدخل عنوان بريدك هذا فيها وسنرسل إليك رابطًا لمرة واحدة.",
} as const

type Copy = {
  subject: (store: string) => string
  heading: (store: string) => string
  body: (store: string, facts: EmailFacts) => string
  button: string
  /** `when`: the link's expiry (empty for the static sign-in page, which does not expire). */
  expires: (when: string) => string
  ignore: string
}

/** The words of each portal email, in every locale the portal speaks. */
export const EMAIL_COPY: Record<
  "portal-sign-in" | "portal-invite" | "subscription-payment-failed" | "subscription-cancelled" | "subscription-cancellation-scheduled" | "subscription-resumed" | "subscription-payment-succeeded" | "subscription-reactivated"
  | "email-change-verify" | "email-change-requested" | "email-change-unavailable" | "email-change-authorize" | "email-changed" | "email-confirm",
  Record<EmailLocale, Copy>
> = {
  "portal-sign-in": {
    en: {
      subject: (store) => `Your sign-in link for ${store}`,
      heading: () => "Sign in to your customer portal",
      body: (store) => `Use the button below to sign in to your ${store} customer portal. The link works once.`,
      button: "Sign in",
      expires: (when) => `The link expires ${when}.`,
      ignore: "If you did not ask for this link, you can ignore this email: nobody can sign in without it.",
    },
    ar: {
      subject: (store) => `رابط تسجيل الدخول إلى ${store}`,
      heading: () => "سجّل الدخول إلى بوابة العملاء",
      body: (store) => `استخدم الزر أدناه لتسجيل الدخول إلى بوابة عملاء ${store}. يعمل الرابط مرة واحدة فقط.`,
      button: "تسجيل الدخول",
      expires: (when) => `تنتهي صلاحية الرابط ${when}.`,
      ignore: "إذا لم تطلب هذا الرابط، يمكنك تجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول بدونه.",
    },
  },
  "portal-invite": {
    en: {
      subject: (store) => `${store} invites you to your customer portal`,
      heading: () => "Your customer portal is ready",
      body: (store) =>
        `${store} has opened a customer portal for you: see and download your invoices, manage your subscriptions and payment methods, and find your license keys.`,
      button: "Open your portal",
      expires: (when) => `The link works once and expires ${when}. Afterwards, ask for a new one on the sign-in page.`,
      ignore: "If you were not expecting this email, you can ignore it.",
    },
    ar: {
      subject: (store) => `يدعوك ${store} إلى بوابة العملاء`,
      heading: () => "بوابة العملاء الخاصة بك جاهزة",
      body: (store) =>
        `فتح لك ${store} بوابة للعملاء: اطّلع على فواتيرك ونزّلها، وأدِر اشتراكاتك وطرق الدفع، واعثر على مفاتيح الترخيص.`,
      button: "افتح البوابة",
      expires: (when) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته ${when}. بعد ذلك اطلب رابطًا جديدًا من صفحة تسجيل الدخول.`,
      ignore: "إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.",
    },
  },
  "subscription-payment-failed": {
    en: {
      subject: (store) => `Your payment to ${store} failed — update your payment method`,
      heading: () => "Your payment failed",
      body: (store) =>
        `We could not charge your payment method for your ${store} subscription, so it is on hold. Sign in and update your payment method: the amount due is charged once and your subscription starts again.`,
      button: "Update your payment method",
      expires: () => STATIC_LINK.en,
      ignore: "Nothing more is charged until you update your payment method.",
    },
    ar: {
      subject: (store) => `تعذّر الدفع إلى ${store} — حدّث طريقة الدفع`,
      heading: () => "تعذّر إتمام الدفع",
      body: (store) =>
        `لم نتمكن من خصم المبلغ من طريقة الدفع لاشتراكك في ${store}، لذا أصبح الاشتراك معلّقًا. سجّل الدخول وحدّث طريقة الدفع: يُخصم المبلغ المستحق مرة واحدة ويُستأنف اشتراكك.`,
      button: "حدّث طريقة الدفع",
      expires: () => STATIC_LINK.ar,
      ignore: "لن يُخصم أي مبلغ آخر حتى تحدّث طريقة الدفع.",
    },
  },
  "subscription-cancelled": {
    en: {
      subject: (store) => `Your ${store} subscription is cancelled`,
      heading: () => "Your subscription is cancelled",
      body: (store) => `Your ${store} subscription has ended and nothing more will be charged. Its invoices stay in your customer portal.`,
      button: "Open your portal",
      expires: () => STATIC_LINK.en,
      ignore: "If you did not cancel it, contact us at once.",
    },
    ar: {
      subject: (store) => `أُلغي اشتراكك في ${store}`,
      heading: () => "أُلغي اشتراكك",
      body: (store) => `انتهى اشتراكك في ${store} ولن يُخصم أي مبلغ آخر. تبقى فواتيره في بوابة العملاء الخاصة بك.`,
      button: "افتح البوابة",
      expires: () => STATIC_LINK.ar,
      ignore: "إذا لم تكن أنت من ألغاه، فتواصل معنا فورًا.",
    },
  },
  "subscription-cancellation-scheduled": {
    en: {
      subject: (store) => `Your ${store} subscription will end at the end of its period`,
      heading: () => "Your subscription will not renew",
      body: (store) =>
        `Your ${store} subscription stays active until the end of the period you paid for, then ends; nothing more will be charged. You can undo this in your portal until then.`,
      button: "Manage your subscription",
      expires: () => STATIC_LINK.en,
      ignore: "If you did not ask for this, undo it in your portal or contact us.",
    },
    ar: {
      subject: (store) => `سينتهي اشتراكك في ${store} بنهاية فترته`,
      heading: () => "لن يتجدد اشتراكك",
      body: (store) =>
        `يبقى اشتراكك في ${store} نشطًا حتى نهاية الفترة المدفوعة ثم ينتهي، ولن يُخصم أي مبلغ آخر. يمكنك التراجع عن ذلك من بوابتك حتى ذلك الحين.`,
      button: "أدِر اشتراكك",
      expires: () => STATIC_LINK.ar,
      ignore: "إذا لم تطلب ذلك، فتراجع عنه من بوابتك أو تواصل معنا.",
    },
  },
  "subscription-resumed": {
    en: {
      subject: (store) => `Your ${store} subscription will continue`,
      heading: () => "Your subscription will continue",
      body: (store) => `You undid the cancellation: your ${store} subscription renews as before with your saved payment method.`,
      button: "Manage your subscription",
      expires: () => STATIC_LINK.en,
      ignore: "If you did not do this, contact us.",
    },
    ar: {
      subject: (store) => `سيستمر اشتراكك في ${store}`,
      heading: () => "سيستمر اشتراكك",
      body: (store) => `تراجعت عن الإلغاء: يتجدد اشتراكك في ${store} كما كان بطريقة الدفع المحفوظة.`,
      button: "أدِر اشتراكك",
      expires: () => STATIC_LINK.ar,
      ignore: "إذا لم تقم بذلك، فتواصل معنا.",
    },
  },
  "subscription-payment-succeeded": {
    en: {
      subject: (store) => `Your payment to ${store} was successful`,
      heading: () => "Payment received",
      body: (store, f) =>
        `We received your payment${f.amount ? ` of ${f.amount}` : ""}${f.invoice ? ` for invoice ${f.invoice}` : ""}${f.plan ? ` (${f.plan})` : ""}. Thank you. The invoice is in your ${store} customer portal.`,
      button: "See your invoice",
      expires: () => STATIC_LINK.en,
      ignore: "If you did not make this payment, contact us at once.",
    },
    ar: {
      subject: (store) => `تم الدفع إلى ${store} بنجاح`,
      heading: () => "استلمنا دفعتك",
      body: (store, f) =>
        `استلمنا دفعتك${f.amount ? ` بمبلغ ${f.amount}` : ""}${f.invoice ? ` عن الفاتورة ${f.invoice}` : ""}${f.plan ? ` (${f.plan})` : ""}. شكرًا لك. الفاتورة في بوابة عملاء ${store}.`,
      button: "اطّلع على فاتورتك",
      expires: () => STATIC_LINK.ar,
      ignore: "إذا لم تقم بهذه الدفعة، فتواصل معنا فورًا.",
    },
  },
  "subscription-reactivated": {
    en: {
      subject: (store) => `Your ${store} subscription is active again`,
      heading: () => "Your subscription is active again",
      body: (store, f) =>
        `Your payment method is updated and the amount due is paid: your ${store} subscription${f.plan ? ` (${f.plan})` : ""} is active again${f.next_renewal ? ` and next renews on ${f.next_renewal}` : ""}.`,
      button: "Manage your subscription",
      expires: () => STATIC_LINK.en,
      ignore: "If you did not do this, contact us.",
    },
    ar: {
      subject: (store) => `عاد اشتراكك في ${store} نشطًا`,
      heading: () => "عاد اشتراكك نشطًا",
      body: (store, f) =>
        `حُدّثت طريقة الدفع ودُفع المبلغ المستحق: عاد اشتراكك في ${store}${f.plan ? ` (${f.plan})` : ""} نشطًا${f.next_renewal ? ` ويتجدد في ${f.next_renewal}` : ""}.`,
      button: "أدِر اشتراكك",
      expires: () => STATIC_LINK.ar,
      ignore: "إذا لم تقم بذلك، فتواصل معنا.",
    },
  },
  "email-change-verify": {
    en: {
      subject: (store) => `Confirm your new email address for ${store}`,
      heading: () => "Confirm your new email address",
      body: (store, f) =>
        `You asked to use this address for your ${store} customer account${f.account ? ` (now ${f.account})` : ""}. Open the link to confirm it: your email changes only then, and the current address is told.`,
      button: "Confirm this address",
      expires: (when) => `The link works once and expires ${when}.`,
      ignore: "If you did not ask for this, ignore this email: nothing changes without the link.",
    },
    ar: {
      subject: (store) => `أكّد عنوان بريدك الإلكتروني الجديد لدى ${store}`,
      heading: () => "أكّد عنوان بريدك الإلكتروني الجديد",
      body: (store, f) =>
        `طلبت استخدام هذا العنوان لحسابك لدى ${store}${f.account ? ` (حاليًا ${f.account})` : ""}. افتح الرابط لتأكيده: لا يتغيّر بريدك إلا عندها، ويُبلَّغ العنوان الحالي بذلك.`,
      button: "تأكيد هذا العنوان",
      expires: (when) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته ${when}.`,
      ignore: "إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لا يتغيّر شيء بدون الرابط.",
    },
  },
  "email-change-requested": {
    en: {
      subject: (store) => `Your ${store} email address is about to change`,
      heading: () => "Your email address is about to change",
      body: (store, f) =>
        `Someone signed in to your ${store} customer portal asked to change your email address${f.email ? ` to ${f.email}` : ""}. It changes only when the link sent to the new address is opened.`,
      button: "Open your portal",
      expires: (when) => `The link works once and expires ${when}.`,
      ignore: "If this was not you, sign in and cancel the change, then contact us.",
    },
    ar: {
      subject: (store) => `سيتغيّر عنوان بريدك لدى ${store}`,
      heading: () => "سيتغيّر عنوان بريدك الإلكتروني",
      body: (store, f) =>
        `طلب شخصٌ سجّل الدخول إلى بوابة عملاء ${store} تغيير عنوان بريدك${f.email ? ` إلى ${f.email}` : ""}. لا يتغيّر إلا عند فتح الرابط المُرسل إلى العنوان الجديد.`,
      button: "افتح البوابة",
      expires: (when) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته ${when}.`,
      ignore: "إذا لم تكن أنت، فسجّل الدخول وألغِ التغيير، ثم تواصل معنا.",
    },
  },
  "email-change-unavailable": {
    en: {
      subject: (store) => `This address is already in use at ${store}`,
      heading: () => "This address is already in use",
      body: (store) =>
        `Someone asked to move a ${store} customer account to this address, but this address is already in use at ${store}, so nothing was changed. If it is yours, sign in with this address instead.`,
      button: "Sign in",
      expires: () => "The sign-in page emails a one-time link to this address.",
      ignore: "If you did not ask for this, you can ignore this email.",
    },
    ar: {
      subject: (store) => `هذا العنوان مستخدم بالفعل لدى ${store}`,
      heading: () => "هذا العنوان مستخدم بالفعل",
      body: (store) =>
        `طلب أحدهم نقل حساب عميل لدى ${store} إلى هذا العنوان، لكن هذا العنوان مستخدم بالفعل لدى ${store}، لذا لم يتغيّر شيء. إن كان لك، فسجّل الدخول بهذا العنوان.`,
      button: "تسجيل الدخول",
      expires: () => "ترسل صفحة تسجيل الدخول رابطًا لمرة واحدة إلى هذا العنوان.",
      ignore: "إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.",
    },
  },
  "email-change-authorize": {
    en: {
      subject: (store) => `Confirm the change of your ${store} email address`,
      heading: () => "Is this change yours?",
      body: (store, f) =>
        `Someone signed in to your ${store} customer portal asked to change your email address${f.email ? ` to ${f.email}` : ""}. If it was you, confirm with the button below: we then send a link to the new address, and the change is made when it is opened.`,
      button: "Yes, change my address",
      expires: (when) => `The link works once and expires ${when}.`,
      ignore: "If this was not you, ignore this email: nothing changes. Then sign in and choose \"Sign out everywhere\" on your profile.",
    },
    ar: {
      subject: (store) => `أكّد تغيير عنوان بريدك لدى ${store}`,
      heading: () => "هل أنت من طلب هذا التغيير؟",
      body: (store, f) =>
        `طلب شخصٌ سجّل الدخول إلى بوابة عملاء ${store} تغيير عنوان بريدك${f.email ? ` إلى ${f.email}` : ""}. إن كنت أنت، فأكّد بالزر أدناه: نرسل بعدها رابطًا إلى العنوان الجديد، ويتم التغيير عند فتحه.`,
      button: "نعم، غيّر عنواني",
      expires: (when) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته ${when}.`,
      ignore: "إذا لم تكن أنت، فتجاهل هذه الرسالة: لا يتغيّر شيء. ثم سجّل الدخول واختر «تسجيل الخروج من كل الأجهزة» في ملفك الشخصي.",
    },
  },
  "email-changed": {
    en: {
      subject: (store) => `Your ${store} email address was changed`,
      heading: () => "Your email address was changed",
      body: (store, f) =>
        `The email address of your ${store} customer account was changed${f.email ? ` to ${f.email}` : ""}, and every other sign-in was ended. If you did not do this, undo the change with the button below: it puts this address back and signs everyone out.`,
      button: "Undo this change",
      expires: (when) => `The link works once and expires ${when}: until then you can undo the change.`,
      ignore: "If you made this change, there is nothing to do.",
    },
    ar: {
      subject: (store) => `تغيّر عنوان بريدك لدى ${store}`,
      heading: () => "تغيّر عنوان بريدك الإلكتروني",
      body: (store, f) =>
        `تغيّر عنوان البريد الإلكتروني لحسابك لدى ${store}${f.email ? ` إلى ${f.email}` : ""}، وأُنهيت جميع جلسات الدخول الأخرى. إذا لم تقم بذلك، فتراجع عن التغيير بالزر أدناه: يعيد هذا العنوان ويُخرج الجميع.`,
      button: "تراجع عن هذا التغيير",
      expires: (when) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته ${when}: يمكنك حتى ذلك الحين التراجع عن التغيير.`,
      ignore: "إذا كنت أنت من قام بالتغيير، فلا حاجة لفعل شيء.",
    },
  },
  "email-confirm": {
    en: {
      subject: (store) => `Confirm your email address for ${store}`,
      heading: () => "Confirm it's your email address",
      body: (store) =>
        `You asked to see everything bought with this address in your ${store} customer portal. Open the link in the same browser where you asked for it: your purchases are then shown together, now and next time.`,
      button: "Confirm my email",
      expires: (when) => `The link works once and expires ${when}.`,
      ignore: "If you did not ask for this, ignore this email: nothing changes without the link.",
    },
    ar: {
      subject: (store) => `أكّد عنوان بريدك لدى ${store}`,
      heading: () => "أكّد أن هذا عنوان بريدك",
      body: (store) =>
        `طلبت رؤية كل ما اشتُري بهذا العنوان في بوابة عملاء ${store}. افتح الرابط في المتصفح نفسه الذي طلبته منه: تظهر مشترياتك معًا، الآن وفي المرات القادمة.`,
      button: "تأكيد بريدي",
      expires: (when) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته ${when}.`,
      ignore: "إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لا يتغيّر شيء بدون الرابط.",
    },
  },
}
