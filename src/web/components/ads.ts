// SPDX-License-Identifier: EUPL-1.2
// The Amsterdam Design System React components Wijkwijs uses (EUPL-1.2), imported one by one from
// their own modules: the package's combined entry keeps every component alive in the bundle,
// including Amsterdam's proprietary logos and icons, which are not ours to ship. ads.test.ts checks
// that none of these pulls in @amsterdam/design-system-react-icons and that nothing else imports the
// package's entry.
export { Breadcrumb } from '@amsterdam/design-system-react/dist/Breadcrumb/index.js';
export { Button } from '@amsterdam/design-system-react/dist/Button/index.js';
export { DescriptionList } from '@amsterdam/design-system-react/dist/DescriptionList/index.js';
export { Field } from '@amsterdam/design-system-react/dist/Field/index.js';
export { Heading } from '@amsterdam/design-system-react/dist/Heading/index.js';
export { Label } from '@amsterdam/design-system-react/dist/Label/index.js';
export { Paragraph } from '@amsterdam/design-system-react/dist/Paragraph/index.js';
export { PasswordInput } from '@amsterdam/design-system-react/dist/PasswordInput/index.js';
export { Select } from '@amsterdam/design-system-react/dist/Select/index.js';
export { SkipLink } from '@amsterdam/design-system-react/dist/SkipLink/index.js';
export { Table } from '@amsterdam/design-system-react/dist/Table/index.js';
export { TextInput } from '@amsterdam/design-system-react/dist/TextInput/index.js';
