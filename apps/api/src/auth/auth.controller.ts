import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AccessService, LoginResult } from '@concord/services';
import { Access } from '../common/access.decorator';
import { LoginDto } from './login.dto';

@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly access: AccessService) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a username and password',
    description:
      'Answers { accessToken, expiresAt, role, username }; send the token as Authorization: Bearer.',
  })
  @Access({ public: true })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.access.login(body.username, body.password);
  }
}
