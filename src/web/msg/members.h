/* The members of a party and the invitations they sent (members.c). */

X(MEMBERS, "Leden", "Members")
X(MEMBERS_TITLE, "Leden van %s", "Members of %s")
X(MEMBERS_INTRO, "Leden kunnen de partij bewerken en namens haar optreden. Beheerders kunnen ook leden toevoegen, hun rol wijzigen en ze verwijderen.",
  "Members can edit the party and act on its behalf. Administrators can also add members, change their role and remove them.")
X(MEMBERS_NONE, "Deze partij heeft nog geen leden.", "This party has no members yet.")
X(BACK_TO_PARTY, "Terug naar %s", "Back to %s")
X(MEMBER_SINCE, "Lid sinds", "Member since")
X(MEMBER_YOU, "(jij)", "(you)")
X(MEMBER_ACTIONS, "Acties", "Actions")
X(MEMBER_ROLE_MEMBER, "Lid", "Member")
X(MEMBER_ROLE_ADMIN, "Beheerder", "Administrator")
X(MEMBER_ROLE_MEMBER_HINT, "Kan de partij bewerken en namens haar optreden.", "Can edit the party and act on its behalf.")
X(MEMBER_ROLE_ADMIN_HINT, "Kan ook leden toevoegen, hun rol wijzigen en ze verwijderen.", "Can also add members, change their role and remove them.")
X(MEMBER_ROLE_OF, "Rol van %s", "Role of %s")
X(MEMBER_ROLE_CHANGE, "Wijzigen", "Change")
X(MEMBER_ROLE_CHANGE_LABEL, "Wijzigen: de rol van %s", "Change: the role of %s")
X(MEMBER_REMOVE, "Verwijderen", "Remove")
X(MEMBER_REMOVE_LABEL, "Verwijderen: %s", "Remove: %s")
X(MEMBER_ADD_TITLE, "Iemand toevoegen", "Add someone")
X(MEMBER_ADD_SUBMIT, "Toevoegen", "Add")
X(MEMBER_ADDED, "De persoon is toegevoegd aan de partij.", "The person has been added to the party.")
X(MEMBER_ROLE_CHANGED, "De rol is gewijzigd.", "The role has been changed.")
X(MEMBER_REMOVED, "De persoon is uit de partij verwijderd.", "The person has been removed from the party.")
X(MEMBER_LEAVE, "Verlaat deze partij", "Leave this party")
X(MEMBER_YOU_MEMBER, "Je bent lid van deze partij.", "You are a member of this party.")
X(MEMBER_YOU_ADMIN, "Je bent beheerder van deze partij.", "You are an administrator of this party.")
X(MEMBER_ONLY_ADMIN, "Je bent de enige beheerder van deze partij. Maak eerst iemand anders beheerder. Daarna kun je de partij verlaten.",
  "You are the only administrator of this party. First make someone else an administrator. Then you can leave the party.")
X(MEMBER_NOT_POSSIBLE, "Dat kan niet", "That is not possible")
X(MEMBER_LAST_ADMIN, "Een partij houdt altijd minstens één beheerder. Maak eerst iemand anders beheerder.",
  "A party always keeps at least one administrator. First make someone else an administrator.")
X(MEMBER_LEAVE_HINT, "Als je de partij verlaat, kun je haar niet meer bewerken. Alleen een beheerder kan je weer toevoegen.",
  "If you leave the party, you can no longer edit it. Only an administrator can add you again.")

/* invitations */
X(MEMBER_INVITE_HINT, "Heeft de persoon al een account met dit e-mailadres? Dan komt die er meteen bij. Anders sturen we een uitnodiging per e-mail.",
  "Does the person already have an account with this email address? Then they are added at once. If not, we send an invitation by email.")
X(INVITE_SENT, "De uitnodiging is verstuurd. De link in de e-mail werkt 14 dagen.", "The invitation has been sent. The link in the email works for 14 days.")
X(INVITATIONS, "Uitnodigingen", "Invitations")
X(INVITATIONS_INTRO, "Deze mensen kregen een uitnodiging per e-mail en hebben nog niet gereageerd. Nodig iemand opnieuw uit als de e-mail niet aankwam: de oude link werkt dan niet meer.",
  "These people got an invitation by email and have not answered yet. Invite someone again if the email did not arrive: the old link then stops working.")
X(INVITATION_BY, "Uitgenodigd door", "Invited by")
X(INVITATION_EXPIRES, "Verloopt", "Expires")
X(INVITATION_WITHDRAW, "Intrekken", "Withdraw")
X(INVITATION_WITHDRAW_LABEL, "Intrekken: de uitnodiging aan %s", "Withdraw: the invitation to %s")
X(INVITATION_WITHDRAWN, "De uitnodiging is ingetrokken. De link werkt niet meer.", "The invitation has been withdrawn. The link no longer works.")
X(INVITATION_NOBODY, "een verwijderd account", "a removed account")

/* in the activity log */
X(ACTION_ADD_MEMBER, "Lid toegevoegd", "Member added")
X(ACTION_CHANGE_MEMBER, "Rol van een lid gewijzigd", "A member's role changed")
X(ACTION_REMOVE_MEMBER, "Lid verwijderd", "Member removed")
