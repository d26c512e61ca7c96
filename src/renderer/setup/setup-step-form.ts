/** The id of the form of the step on screen: the guide's Next button submits it. */
export const SETUP_STEP_FORM = 'setup-step-form';
