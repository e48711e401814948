import { IsEmail, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';

@ObjectType({ description: 'A person with an account. Only ever shown to that person.' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field()
  isAdmin: boolean;
}

@ObjectType({ description: 'The signed-in user and their organizations.' })
export class ViewerInfo {
  @Field(() => User)
  user: User;
  // memberships: added by members/viewer-memberships.resolver.ts (accounts know nothing of organizations)
}

@InputType()
export class AccountSignUpInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email: string;

  @Field({ description: '12 to 200 characters.' })
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password: string;

  @Field()
  @Length(1, 200, { message: 'displayName must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName: string;
}

@InputType()
export class AccountSignInInput {
  @Field()
  @Length(1, 254)
  email: string;

  @Field()
  @Length(1, 200)
  password: string;
}

@InputType()
export class AccountVerifyEmailInput {
  @Field()
  @Length(1, 254)
  email: string;

  @Field({ description: 'The code from the confirmation mail; case, spaces and dashes do not matter.' })
  @Length(1, 64)
  code: string;

  @Field({ description: 'The password given with the sign-up that mailed this code.' })
  @Length(1, 200)
  password: string;
}

@ObjectType({ description: 'The same for every address: it never tells whether the address already has an account.' })
export class AccountSignUpPayload {
  @Field({ description: 'False only when the input has errors (see userErrors).' })
  accepted: boolean;

  @Field()
  message: string;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class AccountSessionPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header. Shown once.' })
  token: string | null;

  @Field(() => User, { nullable: true })
  user: User | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class AccountSignOutPayload {
  @Field({ description: 'Whether the token used for this request was revoked.' })
  revoked: boolean;

  @Field(() => [UserError])
  userErrors: UserError[];
}
